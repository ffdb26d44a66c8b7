import torch

# Scientific notation when max/min > 1000 or values are tiny or huge.
print(torch.tensor([1e-5, 1.0]))
print(torch.tensor([0.001, 1000.0]))
print(torch.tensor([1e10, 1.0]))
print(torch.tensor([1e-8]))
print(torch.tensor([0.0001, 0.5]))
print(torch.tensor(1e-10))
print(torch.tensor([123456.7, 0.5]))
