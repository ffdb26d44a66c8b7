# The in-place forms of the elementwise ops (x.sin_(), x.floor_(), ...): values, history, and
# PyTorch's errors (a leaf that requires grad, an integer result that cannot hold a float).
import torch
x = torch.tensor([0.5, 1.5, -0.25])
for name in ['sin_', 'cos_', 'log1p_', 'reciprocal_', 'sign_', 'tan_', 'atan_', 'sinh_', 'expm1_', 'floor_', 'ceil_', 'round_', 'trunc_', 'rsqrt_', 'log_']:
    y = x.clone()
    r = getattr(y, name)()
    print(name, y, r is y)
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 2
b.sin_()
print(b.grad_fn)
b.sum().backward()
print(a.grad)
try:
    a.cos_()
except Exception as e:
    print(type(e).__name__, e)
i = torch.tensor([1, 2])
try:
    i.sin_()
except Exception as e:
    print(type(e).__name__, e)
i.floor_()
print(i)
c = torch.tensor([1., 2.], requires_grad=True) * 1
c.exp_()
c.add_(1)
try:
    c.sum().backward()
except Exception as e:
    print(type(e).__name__, str(e)[:90])
try:
    x.all_()
except Exception as e:
    print(type(e).__name__, e)
