import torch

x = torch.ones(3)
x.add_(2)
print(x)
x.mul_(torch.tensor([1.0, 2.0, 3.0]))
print(x)
x += 1
print(x)
y = x
y -= 10
print(x, x is y)
x.fill_(0.5)
x.zero_()
print(x)
x.copy_(torch.tensor([1.0, 2.0, 3.0]))
print(x, x.clone() is x)
