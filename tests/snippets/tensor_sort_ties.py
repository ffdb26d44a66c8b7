import torch

# PyTorch's CPU sort is not stable by default: ties come out in std::sort's order
y = torch.tensor([1.0, 2.0, 2.0, 2.0, 1.0, 1.0, 3.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0])
print(y.sort())
print(y.sort(descending=True))
print(y.sort(stable=True))
print(torch.sort(y, descending=True, stable=True).indices)
print(y.argsort())
z = torch.ones(1, 20, dtype=torch.int64)
print(z.sort().indices)
print(torch.ones(5).expand(2, 5).sort(dim=0).indices)
w = torch.tensor([float("nan"), 1.0, -float("inf"), float("nan"), 0.0, -0.0])
print(w.sort(), w.sort(descending=True).indices)
