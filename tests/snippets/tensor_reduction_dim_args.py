import torch
x = torch.tensor([[1., 0.], [3., 4.]], requires_grad=True)
print(x.all(1), x.any(dim=0), x.all(1, keepdim=True), torch.all(x, 0))
print(x.norm(p=1), x.norm(1, dim=0), x.norm(float('inf')), x.norm(dim=1, keepdim=True))
print(torch.norm(x, dim=0), x.norm(3), x.norm(0), x.norm(p='fro'))
print(x.prod(1, keepdim=True), torch.prod(x, 0), torch.tensor([[1, 2], [3, 4]]).prod(0))
for f in [lambda t: t.norm(dim=1), lambda t: t.norm(1, dim=0), lambda t: t.norm(float('inf')), lambda t: t.norm(3, dim=1, keepdim=True), lambda t: t.norm(0.5), lambda t: t.prod(0), lambda t: t.prod(1, keepdim=True), lambda t: t.prod(-1)]:
    y = f(x)
    g, = torch.autograd.grad(y.sum(), x)
    print(y.grad_fn.name(), g)
y = torch.tensor([[2., 3.], [4., 5.]], requires_grad=True)
z = y.prod(dim=1)
z.sum().backward()
print(z, y.grad)
try:
    x.exp(1)
except TypeError as e:
    print(e)
try:
    x.relu(dim=1)
except TypeError as e:
    print(e)
