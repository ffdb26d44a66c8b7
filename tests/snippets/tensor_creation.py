import torch

print(torch.zeros(2, 3))
print(torch.ones(2))
print(torch.arange(5), torch.arange(1, 4), torch.arange(0, 1, 0.25))
print(torch.full((2, 2), 7.0))
print(torch.eye(3))
print(torch.linspace(0, 1, 5))
print(torch.zeros_like(torch.ones(2, 2)), torch.ones_like(torch.tensor([1, 2])))
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.float32))
print(torch.tensor([1, 2.5]))
