import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x.exp()
z = y.sum()
y.add_(1)
print(y)
z.backward()
