import torch

# clamping an integer tensor with a float bound promotes to float32; int bounds keep int64
x = torch.tensor([[1, -2, 3]])
print(x.clamp(max=0.5), x.clamp(min=-0.5), x.clamp(-1.5, 1))
print(x.clamp(-1, 1), x.clamp(min=0))
print(torch.clamp_min(x, 0.), torch.clamp_max(x, 0.5), x.clamp_min(1), torch.clamp(x, max=2.0))
print(torch.tensor(1).clamp_min(0.))
