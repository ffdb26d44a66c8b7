import torch

x = torch.arange(6.0).view(2, 3).requires_grad_()
print(x[0])
print(x[:, 1])
print(x[1:])
print(x[0, 2])
print(x[:, ::2])
(x[0, 2] * 10 + x[1:].sum()).backward()
print(x.grad)
