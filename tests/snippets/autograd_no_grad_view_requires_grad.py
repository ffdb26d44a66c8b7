# A view made under no_grad of a tensor that requires grad requires grad too (no history: its
# gradient goes nowhere), and modifying it in place with grad mode on is PyTorch's error.
import torch
x = torch.ones(2, 2, requires_grad=True)
with torch.no_grad():
    v = x[:]
    w = x.view(4)
    d = x * 2
print(v.requires_grad, v.is_leaf, v.grad_fn, w.requires_grad, w.is_leaf, d.requires_grad)
(v * 2).sum().backward()
print(x.grad, v.grad)
try:
    v.mul_(2)
except Exception as e:
    print(type(e).__name__, e)
print(v)
with torch.no_grad():
    u = v.view(4)
    v2 = x.detach()
    v3 = x[0]
    v3.mul_(1)
print(u.requires_grad, v2.requires_grad, v3.requires_grad)
x.grad = None
opt = torch.optim.SGD([x], lr=0.1)
(x * 3).sum().backward()
opt.step()
print(x)
