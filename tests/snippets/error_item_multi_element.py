import torch

print(torch.tensor([2.5]).item())
torch.ones(2, 2).item()
