import torch

print(torch.arange(40))
print(torch.arange(100).view(4, 25))
