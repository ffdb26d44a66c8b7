import torch
# median: the lower median (MedianBackward0), along a dim torch.return_types.median (MedianBackward1);
# cummax / cummin (CummaxBackward0 / CumminBackward0: later ties and NaNs take over)
x = torch.tensor([[2.0, -1.0, 4.0, 0.5], [3.0, 3.0, -2.0, 3.0]], requires_grad=True)
m = x.median()
print(m, m.grad_fn)
m.backward()
print(x.grad)
x.grad = None
r = torch.median(x, 1)
print(r, type(r))
r.values.sum().backward()
print(x.grad)
x.grad = None
v, i = x.median(dim=0, keepdim=True)
print(v, i)
for f in [lambda t: torch.cummax(t, 1), lambda t: t.cummin(0), lambda t: t.cummax(dim=-1)]:
    r = f(x)
    print(r)
    r.values.backward(torch.ones(2, 4))
    print(r.values.grad_fn.name(), x.grad)
    x.grad = None
print(torch.median(torch.tensor([[2.0, 1.0, 2.0, 1.0, 2.0]]), 1))
print(torch.tensor([1.0, float('nan'), 0.0]).median(), torch.tensor([5, 1, 3, 2]).median(), torch.tensor([4.0, 1.0]).median())
print(torch.cummax(torch.tensor([1.0, float('nan'), 3.0, float('nan'), 0.0]), 0))
print(torch.cummin(torch.tensor([3, 1, 1, 2]), 0))
torch.cummax(x)
