# x[:] = v, x[...] = v, x[:, :] = v write into x itself as PyTorch does (fill_ / copy_), a
# view of the whole tensor is still a view of a leaf, and x[mask] = 0 is a masked_fill.
import torch
x = torch.ones(2, 2, requires_grad=True)
def t(name, f):
    try:
        f()
        print(name, 'ok')
    except Exception as e:
        print(name, type(e).__name__, e)
def s1():
    x[:] = 5
def s2():
    x[...] = 5
def s3():
    x[:, :] = 5
t('x[:] = 5', s1)
t('x[...] = 5', s2)
t('x[:, :] = 5', s3)
t('x[:].mul_(2)', lambda: x[:].mul_(2))
t('x[...].add_(1)', lambda: x[...].add_(1))
y = x * 1
y[:] = 3
print(y, y.grad_fn)
z = x * 1
z[...] = 2
print(z, z.grad_fn)
w = x * 1
w[:, :] += 1
print(w, w.grad_fn)
w.sum().backward()
print(x.grad)
a = torch.arange(4.)
b = a[:]
b[0] = 9
print(a)
c = a[...]
c += 1
print(a, c.grad_fn)
print(x[:].is_leaf, x[...].requires_grad)
m = x * 1
m[m > 0] = 0
print(m, m.grad_fn)
n = torch.arange(6).reshape(2, 3)
n[0] = 7
n[:, 1] = 2.7
n[...] = n * 2
print(n)
f = torch.zeros(3)
f[1] = True
f[:] = f + 1
print(f, f.dtype)
