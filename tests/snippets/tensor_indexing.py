import torch

x = torch.arange(12).view(3, 4)
print(x[0], x[-1], x[1, 2])
print(x[:, 0], x[1:, ::2])
print(x[:2, 1:3])
x[0, 0] = 100
x[1] = -1
print(x)
print(x[2][3], x[-1, -1].item())
