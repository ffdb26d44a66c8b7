import torch

# More than 1000 elements: only the first and last 3 are shown.
print(torch.arange(2000.0))
print(torch.ones(1001))
print(torch.ones(1000))
