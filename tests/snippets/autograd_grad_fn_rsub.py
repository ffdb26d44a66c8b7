import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = 1 - x
print(y)
print((x - 1).grad_fn)
y.sum().backward()
print(x.grad)
