import torch

x = torch.ones(2, 3)
print(x.shape)
print(x.size())
print(x.size(0), x.size(1), x.size(-1))
print(torch.tensor(1.0).shape)
print(len(x))
print(x.shape[1])
print(x.dim(), x.ndim, x.numel())
print(list(x.shape))
print(x.shape == (2, 3))
