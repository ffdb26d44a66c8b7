import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print(x * 2)
print(x.sum())
print(x + 0.5)
print((x * 2).grad_fn)
print(x.grad_fn)
