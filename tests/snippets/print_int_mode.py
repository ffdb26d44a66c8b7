import torch

# Whole-valued floats print in "int mode": a trailing dot, no digits after it.
print(torch.ones(3, 3))
print(torch.tensor([1.0, 2.0, -3.0]))
print(torch.tensor([10.0, 200.0, 3000.0]))
print(torch.tensor(5.0))
print(torch.zeros(2))
