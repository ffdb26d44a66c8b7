import torch

x = torch.arange(4.0)
print(x.view(2, 2))
x.view(3)
