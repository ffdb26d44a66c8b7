import torch

# an in-place op that saves its result (tanh_, exp_, sigmoid_, ...) saves the tensor itself:
# modifying it again breaks that op's backward
x = torch.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
for name in ['tanh_', 'exp_', 'sigmoid_', 'sqrt_', 'relu_']:
    t = x.clone()
    getattr(t, name)()
    t.add_(1)
    try:
        t.sum().backward()
        print(name, 'no error', x.grad)
    except RuntimeError as e:
        print(name, e)
t = x.clone()
t.tanh_()
t[0].mul_(2)
try:
    t.sum().backward()
except RuntimeError as e:
    print(e)
t = x.clone()
t.exp_()
t.exp_()
t.sum().backward()
