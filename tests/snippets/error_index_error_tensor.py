import torch

x = torch.ones(2, 3)
print(x[1])
print(x[2])
