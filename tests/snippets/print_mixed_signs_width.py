import torch

print(torch.tensor([-1.5, 22.25, -333.125]))
print(torch.tensor([[-1.0, 2.0], [3.0, -44.0]]))
print(torch.tensor([0.5, -0.5]))
print(torch.tensor([-1, 5, 100]))
