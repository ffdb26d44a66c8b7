import torch
x = torch.tensor([1.5, -2.0, 0.5, 3.0, 0.0, float('nan'), 2.0, -0.0], requires_grad=True)
y = torch.tensor([2.0, 1.0, -0.5, 3.0, 0.0, 1.0, float('nan'), 1.0], requires_grad=True)
for f in [torch.fmin, torch.fmax, torch.copysign, torch.hypot]:
    r = f(x, y)
    print(r)
    r.sum().backward()
    print(x.grad, y.grad)
    x.grad = None
    y.grad = None
r = x.copysign(-1)
r.sum().backward()
print(r, x.grad)
print(torch.fmin(torch.tensor([1, 5]), torch.tensor([2, 1])))
print(torch.copysign(torch.tensor([1, 2]), -1))
z = x * 1
z.hypot_(y)
print(z.grad_fn)
try:
    torch.hypot(torch.tensor([3]), torch.tensor([4]))
except NotImplementedError as e:
    print(e)
torch.fmax(x, 1.0)
