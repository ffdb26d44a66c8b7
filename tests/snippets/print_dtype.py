import torch

print(torch.float32)
print(torch.float)
print(torch.int64)
print(torch.long)
print(torch.bool)
print(torch.float64)
print(torch.ones(1).dtype)
print(torch.tensor([1]).dtype)
print(torch.ones(1).dtype == torch.float32)
print(torch.ones(2).long())
print(torch.tensor([1.7, -1.7]).int())
