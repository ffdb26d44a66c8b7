import torch

x = torch.arange(1100.0).view(11, 100)
print(x)
print(torch.arange(2000).view(2, 1000))
