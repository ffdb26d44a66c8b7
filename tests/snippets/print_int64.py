import torch

x = torch.tensor([1, 2, 3])
print(x)
print(x.dtype)
print(torch.tensor([[-1, 20], [300, -4000]]))
print(torch.tensor(7))
print(torch.arange(5) * 2)
print(torch.tensor([10 ** 12, 1]))
