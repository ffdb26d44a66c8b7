import torch

a = torch.ones(2)
b = torch.ones(2, requires_grad=True)
print(b.grad is None)
(a * b).sum().backward()
print(a.grad, b.grad)
print(a.requires_grad, b.grad.requires_grad)
