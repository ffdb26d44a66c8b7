import torch

# the in-place error names the node without "Backward" and without a trailing 0
for f in [lambda x: x.prod(1), lambda x: x.prod(), lambda x: x.pow(x), lambda x: 2 ** x,
          lambda x: x.max(), lambda x: x.exp()]:
    x = torch.tensor([[2.0, 3.0], [1.5, 0.5]], requires_grad=True)
    y = f(x)
    y.exp_()
    try:
        y.sum().backward()
    except RuntimeError as e:
        print(e)
# a node written by hand in C++ is named with its namespace
x = torch.tensor([[0.75, 0.0, -0.25, -2.0]], requires_grad=True)
t = x.clone()
t.abs_()
t.mul_(t)
t.copy_(t * 3)
try:
    t.sum().backward()
except RuntimeError as e:
    print(e)
