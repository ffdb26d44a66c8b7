import torch

# Long rows wrap at 80 columns.
print(torch.arange(30.0) / 3)
print(torch.arange(20.0))
print(torch.linspace(0, 1, 12).view(2, 6) * 1000)
