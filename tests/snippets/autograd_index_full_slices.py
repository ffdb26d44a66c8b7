# x[:] is SliceBackward0, x[...] and x[:, :] are AliasBackward0: a view of the whole tensor keeps
# its history, so gradients flow through it.
import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for name, f in [('x[:]', lambda: x[:]), ('x[...]', lambda: x[...]), ('x[:, :]', lambda: x[:, :]), ('x[..., :1]', lambda: x[..., :1]), ('x[:, :2]', lambda: x[:, :2]), ('x[0:2]', lambda: x[0:2]), ('x[:, 1:]', lambda: x[:, 1:]), ('x[None]', lambda: x[None]), ('x[:, None]', lambda: x[:, None])]:
    y = f()
    print(name, y.grad_fn, y.shape)
y = x[:]
(y * 2).sum().backward()
print(x.grad)
z = torch.ones(3, 1, requires_grad=True)
w = z[..., :1]
print(w.grad_fn)
w.sum().backward()
print(z.grad)
