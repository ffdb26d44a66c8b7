import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = torch.tensor([3.0, 4.0], requires_grad=True)
print((x + y).grad_fn)
print((x - y).grad_fn)
print((x * y).grad_fn)
print((x / y).grad_fn)
print((-x).grad_fn)
print((x + 1).grad_fn)
print((x * 2).grad_fn)
print((x / 2).grad_fn)
print((2 / x).grad_fn)
