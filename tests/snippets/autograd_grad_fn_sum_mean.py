import torch

x = torch.ones(2, 3, requires_grad=True)
print(x.sum())
print(x.sum(0))
print(x.sum(dim=1, keepdim=True))
print(x.mean())
print(x.mean(1))
print(x.mean(dim=0).grad_fn)
