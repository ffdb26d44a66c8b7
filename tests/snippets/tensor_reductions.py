import torch

x = torch.tensor([[1.0, 4.0, 2.0], [3.0, 0.0, 5.0]])
print(x.sum(), x.mean(), x.max(), x.min(), x.prod())
print(x.sum(0), x.sum(1), x.mean(-1))
print(x.argmax(), x.argmax(dim=1), x.argmin(0))
print(torch.tensor([1, 2, 3]).sum(), torch.tensor([1, 2, 3]).float().mean())
