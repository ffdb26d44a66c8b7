import torch

print(torch.tensor(3.5))
print(torch.tensor(2))
print(torch.tensor(True))
print(torch.tensor(-1.25))
print(torch.tensor(1e20))
print(torch.tensor([3.5]))
print(torch.tensor(3.5).shape)
