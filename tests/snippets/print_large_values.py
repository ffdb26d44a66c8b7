import torch

print(torch.tensor([1000.0, 12345.678]))
print(torch.tensor([123456789.0]))
print(torch.tensor([99999999.0, 1.0]))
print(torch.tensor([1e8, 2e8]))
print(torch.tensor([1e9]))
print(torch.tensor([12345.5]))
print(torch.tensor([3.0e38]))
