import torch

x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
m = x.max()
print(m)
m.backward()
print(x.grad)
r = x.max(0)
print(r)
print(r.values.grad_fn, r.indices)
v, i = x.max(dim=1)
print(v, i)
