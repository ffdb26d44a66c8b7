import torch

# vector_norm accumulates in the tensor's dtype, in ATen's order
print(torch.tensor([1e30, 1e30]).norm(), torch.tensor([1e30, 1e30]).double().norm())
print(torch.tensor([1e-30, 1e-30]).norm(), torch.tensor([3e38, 3e38]).norm(1))
x = torch.tensor([0.1, -1.3, 2.7, 0.33, 5.1, -0.7, 1.9, 3.3, -2.2, 0.05, 1.1, 4.4, -3.9, 2.2, 0.9, 1.7])
print(x.norm().item(), x.norm(1).item(), x.norm(3).item(), x.norm(0.5).item())
print(x[:3].norm().item(), x[:5].norm(1).item(), x[:7].norm(3).item())
print(x.reshape(2, 8).norm(dim=0).tolist())
print(x.reshape(2, 8).norm(dim=1).tolist(), x.reshape(2, 8).norm(p=1, dim=1).tolist())
print(torch.tensor([0.1], dtype=torch.float64).norm(3).item())
print(torch.tensor([1.0, float('nan'), -2.0]).norm(float('inf')))
