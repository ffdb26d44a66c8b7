import torch

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
v = torch.tensor([1.0, -1.0])
print(a @ a)
print(a @ v, torch.mv(a, v), v @ v, torch.dot(v, v))
print(torch.mm(a, a.t()))
print(a * a)
print(torch.ones(2, 3, 4).matmul(torch.ones(4, 5)).shape)
