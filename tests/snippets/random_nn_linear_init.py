import torch
from torch import nn

# nn.Linear's default init with a fixed seed (bit-exact RNG is a stretch goal).
torch.manual_seed(42)
layer = nn.Linear(3, 2)
print(layer.weight)
print(layer.bias)
