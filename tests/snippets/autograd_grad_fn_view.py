import torch

x = torch.arange(6.0, requires_grad=True)
v = x.view(2, 3)
print(v)
r = x.reshape(3, 2)
print(r.grad_fn)
print(x.view(-1, 2).shape)
(v * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
