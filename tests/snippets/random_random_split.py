import torch
from torch.utils.data import random_split, Subset, TensorDataset

a, b = random_split(range(10), [3, 7], generator=torch.Generator().manual_seed(42))
print(type(a).__name__, len(a), list(a), list(b))
parts = random_split(range(10), [0.3, 0.3, 0.4], generator=torch.Generator().manual_seed(42))
print([len(p) for p in parts], [list(p) for p in parts])
torch.manual_seed(0)
tr, te = random_split(TensorDataset(torch.arange(5)), [4, 1])
print(te[0], Subset(range(10), [9, 1])[0])
