import torch

# Non-integral floats get 4 digits after the point, padded to a common width.
print(torch.tensor([1.5, 2.25, 3.14159]))
print(torch.tensor([0.1, 0.2, 0.3]))
print(torch.tensor([[1.0, -2.5], [100.125, 0.5]]))
print(torch.tensor(4.5))
print(torch.tensor([1 / 3]))
print(torch.tensor([2.0 / 3, -1.0]))
