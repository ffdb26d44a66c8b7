# copy_ is differentiable (CopyBackwards): the gradient goes to the source, broadcast back to
# its shape and dtype; the overwritten tensor's old history gets zeros.
import torch

x = torch.tensor([1., -2., 3.], requires_grad=True)
s = torch.tensor(2., dtype=torch.float64, requires_grad=True)
t = x * 1
t.copy_(s * x)
print(t)
print(t.grad_fn.name(), t.is_leaf)
t.backward(torch.tensor([-1., 2., -0.]))
print(x.grad, s.grad)

# the old value is used after the copy: its gradient from copy_ is +0
a = torch.tensor([2.0, -0.5, 40.0], requires_grad=True)
b = a.clone()
b.copy_(b * 3)
b.backward(torch.tensor([-0., 1., -0.]))
print(a.grad)

z = torch.zeros(2, 3)
z.copy_(x)
print(z)
z.sum().backward()
print(x.grad)

i = torch.zeros(3, dtype=torch.long)
i.copy_(x)
print(i, i.requires_grad)
try:
    x.copy_(z[0])
except RuntimeError as e:
    print(e)
