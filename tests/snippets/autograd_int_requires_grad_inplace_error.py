import torch

y = torch.tensor([1, 2])
print(y.requires_grad)
y.requires_grad_(True)
