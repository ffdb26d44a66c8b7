import torch
from torch import nn

big = nn.Linear(3, 2)
small = nn.Linear(3, 1)
print(list(big.state_dict()))
small.load_state_dict(big.state_dict())
