import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.detach()
print(y, y.requires_grad, y.is_leaf)
y[0] = 100.0
print(x)
y.zero_()
print(x)
