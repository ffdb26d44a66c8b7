import torch
torch.manual_seed(0)
print(torch.randperm(5))
print(torch.randperm(10, dtype=torch.float32))
print(torch.normal(0., 1., size=(3,)))
print(torch.normal(2, 0.5, (2, 2)))
x = torch.arange(6.)
print(x[torch.randperm(6)])
