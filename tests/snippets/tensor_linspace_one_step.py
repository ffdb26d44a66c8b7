import torch
# linspace with one step is [start] (ATen fills start), in float32 and float64
print(torch.linspace(-1, 2, 1), torch.linspace(3.5, 0, 1, dtype=torch.float64), torch.linspace(0, 1, 2))
