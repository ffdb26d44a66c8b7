import torch
x = torch.tensor([1.5, -2.0, 0.5, 3.0], requires_grad=True)
z = x * 1
z.masked_fill_(z > 1, 0.0)
print(z, z.grad_fn)
z.sum().backward()
print(x.grad)
x.grad = None
z = x * 1
print(z.clamp_max_(1.0), z.grad_fn)
z.sum().backward()
print(x.grad)
x.grad = None
z = x * 1
print(z.clamp_min_(1.0), z.grad_fn)
z.sum().backward()
print(x.grad)
i = torch.tensor([1, 5, 3])
print(i.clamp_max_(2), i.masked_fill_(i > 1, 7))
try:
    i.clamp_max_(2.5)
except RuntimeError as e:
    print(e)
x.masked_fill_(x > 1, 0.0)
