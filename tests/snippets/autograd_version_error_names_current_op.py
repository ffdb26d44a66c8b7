import torch
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
z = y * y
y.add_(1)
try:
    z.sum().backward()
except RuntimeError as e:
    print(e)
a = torch.tensor([1., 2.], requires_grad=True)
b = a.exp()
b.mul_(3)
try:
    b.sum().backward()
except RuntimeError as e:
    print(e)
c = a * 1
d = c.sin()
c.sigmoid_()
try:
    d.sum().backward()
except RuntimeError as e:
    print(e)
w = torch.tensor([1., 2.], requires_grad=True)
v = w.detach()
u = w * w
v.add_(1)
try:
    u.sum().backward()
except RuntimeError as e:
    print(e)
