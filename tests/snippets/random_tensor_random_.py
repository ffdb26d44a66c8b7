import torch

torch.manual_seed(0)
t = torch.zeros(6, dtype=torch.int64)
print(t.random_(10))
print(t.random_(3, 7))
print(torch.zeros(3).random_(5))
print(torch.zeros(4, dtype=torch.int32).random_())
print(torch.zeros(3).random_())
print(torch.empty((), dtype=torch.int64).random_(generator=torch.Generator().manual_seed(1)) > 0)
print(torch.rand(2))
