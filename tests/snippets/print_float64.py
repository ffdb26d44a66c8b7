import torch

x = torch.tensor([1.5, 2.0], dtype=torch.float64)
print(x)
print(torch.tensor([1.0, 2.0], dtype=torch.float64))
print(torch.tensor(0.1, dtype=torch.float64))
print(x.dtype)
print(torch.ones(2, dtype=torch.float64, requires_grad=True))
print(torch.tensor([1, 2], dtype=torch.float32))
