import torch
from torch import nn

x = torch.ones(2)
print(type(x))
print(type(x).__name__, isinstance(x, torch.Tensor))
print(type(torch.float32), type(x.shape))
print(isinstance(nn.Parameter(x), torch.Tensor))
print(type(1).__name__, isinstance(True, int), isinstance(1.0, (int, float)))
print(type(len), type(lambda: 0).__name__)
