import torch

print(torch.tensor([float('nan'), 1.0]))
print(torch.tensor([float('inf'), -float('inf'), 2.0]))
print(torch.tensor([float('nan'), 0.5, float('inf')]))
print(torch.tensor(float('nan')))
print(torch.tensor([1.0, 0.0]) / 0)
print(torch.log(torch.tensor([0.0, -1.0, 1.0])))
