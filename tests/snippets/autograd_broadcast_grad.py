import torch

w = torch.ones(2, 3, requires_grad=True)
b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
s = torch.tensor(2.0, requires_grad=True)
y = (w * b + s).sum()
y.backward()
print(w.grad)
print(b.grad)
print(s.grad)
c = torch.ones(2, 1, requires_grad=True)
(c + b).sum().backward()
print(c.grad)
