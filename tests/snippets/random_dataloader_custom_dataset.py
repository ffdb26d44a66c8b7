import torch
from torch.utils.data import Dataset, DataLoader, random_split
torch.manual_seed(0)
x = torch.randn(7, 2)
y = (x.sum(1) > 0).long()
loader = DataLoader(list(zip(x, y)), batch_size=3, shuffle=True)
for xb, yb in loader:
    print(xb, yb)
class MyDS(Dataset):
    def __init__(self, n):
        self.data = [(torch.tensor([float(i), i * 2.0]), i % 2) for i in range(n)]
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        return self.data[i]
train, val = random_split(MyDS(6), [0.5, 0.5])
print(len(train), len(val), len(loader.dataset))
for xb, yb in DataLoader(train, batch_size=2, shuffle=True):
    print(xb, yb)
print(torch.rand(1))
