import torch

# Tensors do not raise on division by zero.
print(torch.tensor([1.0, -1.0, 0.0]) / 0)
print(torch.tensor([4, 5]) // 2)
print(torch.tensor([4, 5]) / 2)
