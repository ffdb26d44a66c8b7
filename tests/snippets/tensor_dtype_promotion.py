import torch

i = torch.tensor([1, 2, 3])
f = torch.tensor([0.5, 0.5, 0.5])
print(i + f)
print(i * 2.5)
print(i / 2)
print(i // 2, i * 2)
print(i + True)
print((i > 1) + (i > 2))
print(torch.tensor([1.0], dtype=torch.float64) + torch.tensor([1.0]))
print(i.float(), f.double(), f.dtype)
