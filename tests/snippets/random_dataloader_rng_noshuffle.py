import torch
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
loader = DataLoader(TensorDataset(torch.arange(6)), batch_size=4)
for (b,) in loader:
    print(b)
print(torch.randn(2))
it = iter(loader)
print(torch.rand(2))
