import torch

# .grad of a non-leaf is None (PyTorch warns on stderr, which is not part of the output).
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.sum().backward()
print(y.grad)
print(x.grad)
