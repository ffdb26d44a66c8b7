import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
e = torch.tensor([2.0, 3.0], requires_grad=True)
a = x ** 2
b = x ** e
c = 2 ** x
print(a, a.grad_fn)
print(b, b.grad_fn)
print(c, c.grad_fn)
(a.sum() + b.sum() + c.sum()).backward()
print(x.grad)
print(e.grad)
