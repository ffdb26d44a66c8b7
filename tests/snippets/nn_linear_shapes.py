import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 2)
print(layer)
print(layer.weight.shape, layer.bias.shape)
print(layer.weight.requires_grad, layer.weight.is_leaf)
out = layer(torch.ones(4, 3))
print(out.shape, out.grad_fn.name())
print(nn.Linear(5, 1, bias=False))
print(nn.Linear(5, 1, bias=False).bias)
