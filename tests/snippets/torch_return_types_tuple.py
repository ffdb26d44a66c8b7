import torch

x = torch.tensor([[3.0, 1.0], [2.0, 5.0]])
r = x.max(dim=0)
print(isinstance(r, tuple), len(r), type(r).__mro__, type(r).__module__)
values, indices = r
print(values, indices, r[-1], r[:1])
print(r + (1,), tuple(r))
print(str(x.sort(dim=1)), x.topk(1).values)
print(r.n_fields, type(x.min(1)).__name__, type(r) is type(x.max(1)))
for name in ['values', 'foo']:
    try:
        setattr(r, name, 0)
    except AttributeError as e:
        print(e)
