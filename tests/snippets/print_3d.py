import torch

x = torch.arange(24.0).view(2, 3, 4)
print(x)
print(torch.ones(1, 1, 1))
print(torch.zeros(2, 1, 2, 1))
