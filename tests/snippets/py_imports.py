from __future__ import print_function
import torch as t
from torch import nn, optim
import torch.nn.functional as F
import math as m
from math import sqrt, pi

print(t.ones(1), nn.Linear(1, 1), optim.SGD.__name__)
print(F.relu(t.tensor([-1.0, 1.0])))
print(m.floor(2.7), sqrt(16), round(pi, 4))
