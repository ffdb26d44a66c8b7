import torch
from torch import nn

layer = nn.Linear(2, 2)
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[1.0, 2.0], [-1.0, 0.5]]))
    layer.bias.fill_(0.1)
print(layer.weight)
print(layer.bias)
x = torch.tensor([[1.0, 1.0], [2.0, 0.0]])
y = layer(x)
print(y)
y.sum().backward()
print(layer.weight.grad)
print(layer.bias.grad)
