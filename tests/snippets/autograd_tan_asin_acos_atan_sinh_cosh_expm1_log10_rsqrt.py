import torch
# elementwise functions with their own backward nodes (TanBackward0, AsinBackward0, ...)
x = torch.tensor([0.5, -0.25, 0.0, -0.0, 0.9, 2.0, -3.5, float('nan')], requires_grad=True)
for name in ['tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'expm1', 'log10', 'rsqrt']:
    r = getattr(torch, name)(x)
    print(name, r, r.grad_fn.name())
    r.backward(torch.tensor([1.0, -2.0, 0.5, 1.0, 3.0, -1.0, 0.25, 1.0]))
    print(x.grad)
    x.grad = None
    print(getattr(x, name)().grad_fn)
print(torch.tan(torch.tensor([1, 2])), torch.rsqrt(torch.tensor([4.0, 0.0, -1.0])), torch.arcsin(torch.tensor(0.5)))
y = torch.tensor([0.3, -0.6], requires_grad=True)
g, = torch.autograd.grad(torch.asin(y).sum(), y, create_graph=True)
print(g, g.grad_fn)
g.sum().backward()
print(y.grad)
