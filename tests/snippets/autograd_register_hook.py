import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
def hook(g):
    print("hook got", g)
    return g * 10
h = y.register_hook(hook)
y.sum().backward()
print(x.grad)
x.register_hook(lambda g: print("leaf hook", g))
(x * 2).sum().backward()
print(x.grad)
