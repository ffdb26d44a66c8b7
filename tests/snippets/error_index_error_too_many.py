import torch

x = torch.ones(3)
x[0, 0]
