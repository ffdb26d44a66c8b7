import torch

x = torch.tensor([[1.0], [2.0]], requires_grad=True)
e = x.expand(2, 3)
print(e)
e.sum().backward()
print(x.grad)
