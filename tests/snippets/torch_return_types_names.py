# max(dim), sort, topk return torch.return_types named tuples: their type's name and messages.
import torch
x = torch.tensor([[3., 1.], [2., 5.]])
r = x.max(dim=0)
print(r)
print(type(r))
print(type(x.sort()))
print(type(x.topk(1)))
print(x.sort())
v, i = x.min(1)
print(v, i)
print(r.values, r[1])
try:
    r()
except Exception as e:
    print(type(e).__name__, e)
try:
    r.foo
except Exception as e:
    print(type(e).__name__, e)
print(type(r).__name__)
