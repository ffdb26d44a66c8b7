import torch

a = torch.arange(3.0).view(3, 1)
b = torch.arange(4.0)
print(a + b)
print((a * b).shape)
print(torch.ones(2, 3) + torch.tensor(5.0))
print(torch.ones(2, 1, 3) * torch.ones(4, 1))
