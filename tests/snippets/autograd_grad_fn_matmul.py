import torch

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
b = torch.tensor([[1.0], [-1.0]], requires_grad=True)
c = a @ b
print(c)
print(torch.mm(a, b).grad_fn)
v = torch.tensor([1.0, 1.0], requires_grad=True)
print(a @ v)
print(v @ v)
print(torch.matmul(a, b).grad_fn)
c.sum().backward()
print(a.grad)
print(b.grad)
