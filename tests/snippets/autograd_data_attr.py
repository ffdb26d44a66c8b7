import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
d = x.data
print(d, d.requires_grad)
d[1] = 5.0
print(x)
(x * x).sum().backward()
print(x.grad)
