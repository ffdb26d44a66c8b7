import torch

print(torch.ones(2, requires_grad=True))
print(torch.tensor(3.0, requires_grad=True))
print(torch.tensor([1.5, 2.5], requires_grad=True))
print(torch.zeros(2, 2, requires_grad=True))
