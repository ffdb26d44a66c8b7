# Modules know their __name__.
import math, random, sys
import torch
import torch.nn as nn
print(math.__name__, random.__name__, sys.__name__, torch.__name__, nn.__name__, torch.optim.__name__)
