import torch
from torch import nn

p = nn.Parameter(torch.ones(2))
print(p)
print(p.requires_grad, p.is_leaf)
q = nn.Parameter(torch.tensor([[1.5, 2.0], [0.0, -1.0]]))
print(q)
print(p * 2)
