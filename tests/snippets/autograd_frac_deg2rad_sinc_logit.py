import torch
# frac, deg2rad, rad2deg, sinc and logit with their own nodes (FracBackward0, Deg2RadBackward0,
# Rad2DegBackward0, SincBackward0, LogitBackward0) and their gradients
x = torch.tensor([-1.75, -0.5, 0.0, 0.25, 1.5, 2.0], requires_grad=True)
p = torch.tensor([0.0, 0.1, 0.5, 0.9, 1.0, 1.25], requires_grad=True)
for f in [torch.frac, torch.deg2rad, torch.rad2deg, torch.sinc, lambda t: t.frac()]:
    r = f(x)
    print(r)
    r.backward(torch.linspace(-1, 1, 6))
    print(r.grad_fn.name(), x.grad)
    x.grad = None
for f in [torch.logit, lambda t: torch.logit(t, eps=0.2), lambda t: t.logit(1e-6)]:
    r = f(p)
    print(r)
    r.sum().backward()
    print(r.grad_fn.name(), p.grad)
    p.grad = None
print(torch.deg2rad(torch.tensor([180, 90])), torch.rad2deg(torch.tensor([3.141592653589793], dtype=torch.float64)))
print(torch.sinc(torch.tensor([1, 2])), torch.logit(torch.tensor([0, 1]), 0.25))
z = torch.tensor([3.75, -2.25]); z.frac_(); print(z)
torch.frac(torch.tensor([1, 2]))
