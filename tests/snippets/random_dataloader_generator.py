import torch
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
ds = TensorDataset(torch.arange(7))
g = torch.Generator().manual_seed(1)
loader = DataLoader(ds, batch_size=3, shuffle=True, generator=g)
print([b.tolist() for (b,) in loader])
print([b.tolist() for (b,) in loader])
print(torch.rand(2))
print(torch.rand(2, generator=g))
