import torch

x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    print(y.requires_grad, y.grad_fn)
    print(torch.is_grad_enabled())
z = x * 2
print(z.requires_grad, z.grad_fn)
print(torch.is_grad_enabled())
print(y)
