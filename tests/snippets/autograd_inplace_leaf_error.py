import torch

x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    x.add_(1)
print(x)
x.add_(1)
