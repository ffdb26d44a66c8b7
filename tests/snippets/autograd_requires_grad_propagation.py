import torch

a = torch.ones(2)
b = torch.ones(2, requires_grad=True)
print((a + a).requires_grad)
print((a + b).requires_grad)
c = (a * 2).requires_grad_()
print(c.requires_grad, c.is_leaf, c.grad_fn)
b.requires_grad = False
print((b * 2).requires_grad)
