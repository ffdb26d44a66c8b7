import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
c = x.cumsum(1)
print(c, c.grad_fn.name())
(c * torch.tensor([1.0, -1.0, 2.0])).sum().backward()
print(x.grad)
print(torch.cumsum(x, dim=0))
print(torch.tensor([1e8, 1.0, -1e8]).cumsum(0))
print(torch.tensor([True, True, False]).cumsum(0), torch.tensor([3, 4]).cumsum(-1))
try:
    x.cumsum()
except TypeError as e:
    print(e)
x.cumprod(2)
