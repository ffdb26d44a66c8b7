import torch
vals = [-1., 0., 0.5, 1., 2.]
for name, f in [("clamp(0,1)", lambda t: t.clamp(0, 1)), ("clamp(min=0)", lambda t: t.clamp(min=0)),
                ("clamp(max=1)", lambda t: t.clamp(max=1)), ("clamp_min(0)", lambda t: t.clamp_min(0)),
                ("clamp_max(1)", lambda t: t.clamp_max(1)), ("clamp(min=0,max=0)", lambda t: t.clamp(0, 0)),
                ("clamp(1,0)", lambda t: t.clamp(1, 0)), ("clip(0,1)", lambda t: t.clip(0, 1))]:
    x = torch.tensor(vals, requires_grad=True)
    y = f(x)
    y.sum().backward()
    print(name, y.grad_fn.name() if y.grad_fn else None, y.detach(), x.grad)
x = torch.tensor(vals, requires_grad=True)
y = x.clone()
y.clamp_(0, 1)
y.sum().backward()
print(y.grad_fn.name(), x.grad)
print(torch.clip(torch.tensor([-2., 2.]), -1, 1))
