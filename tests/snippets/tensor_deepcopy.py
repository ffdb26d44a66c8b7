import copy
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = copy.deepcopy(a)
print(b, b.is_leaf, b.requires_grad, b is a)
b.data[0] = 5.0
print(a)
a.grad = torch.tensor([0.5, 0.5])
c = copy.deepcopy(a)
print(c.grad, c.grad is a.grad)
d = copy.copy(a)
print(d, d is a, d.requires_grad, d.grad)
d.data[1] = 7.0
print(a)
pair = copy.deepcopy([a, a])
print(pair[0] is pair[1], pair[0] is a)
print(a.__deepcopy__({}), copy.deepcopy(torch.tensor([1, 2, 3])))
print(copy.deepcopy(torch.nn.Parameter(torch.ones(2))))
print(copy.copy(a * 2))
