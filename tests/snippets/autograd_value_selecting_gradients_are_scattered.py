# max(dim), min(dim), sort and topk scatter the gradient into zeros (PyTorch's
# value_selecting_reduction_backward): the unselected entries are +0 even when the incoming
# gradient is negative or NaN, and a -0. gradient stays -0. where it lands.
import torch

x = torch.tensor([[-3.5, -3.5, 1.0, -2.0],
                  [2.0, float('nan'), 0.5, 2.0]], requires_grad=True)
g = torch.tensor([-1., float('nan')])

for name, f in [("max(1)", lambda x: x.max(1).values),
                ("min(1)", lambda x: x.min(1)[0]),
                ("min(-1, keepdim)", lambda x: x.min(-1, keepdim=True).values.squeeze(1))]:
    x.grad = None
    f(x).backward(g)
    print(name, x.grad)

y = torch.tensor([1e-8, -3.0, 0.0], requires_grad=True)
v, i = y.abs().sort(0)
v.backward(torch.tensor([-3.5, -0., -2.0]))
print(v, i)
print(y.grad)

z = torch.tensor([0.5, -1.0, 4.0, 2.0], requires_grad=True)
t = z.topk(2).values
print(t)
t.backward(torch.tensor([-1., float('nan')]))
print(z.grad)

w = torch.tensor([[1.5, -0.5, 0.75]], requires_grad=True)
(w.max(0).values * -2).sum().backward()
print(w.grad)
