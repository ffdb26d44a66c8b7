import torch
from torch.utils.data import TensorDataset, DataLoader

x = torch.arange(10, dtype=torch.float32).reshape(5, 2)
y = torch.tensor([0, 1, 0, 1, 1])
ds = TensorDataset(x, y)
print(len(ds), ds[1])
loader = DataLoader(ds, batch_size=2)
print(len(loader))
for epoch in range(2):
    for i, (xb, yb) in enumerate(loader):
        print(epoch, i, xb.shape, yb)
dropped = DataLoader(ds, batch_size=2, drop_last=True)
print(len(dropped), [yb.tolist() for _, yb in dropped])
print(type(torch.utils.data.DataLoader(ds)).__name__, next(iter(DataLoader(ds)))[0])
