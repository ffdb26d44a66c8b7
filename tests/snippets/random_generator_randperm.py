import torch

g = torch.Generator()
print(g.initial_seed())
print(g.manual_seed(42) is g, g.initial_seed(), isinstance(g, torch.Generator), type(g))
torch.manual_seed(3)
print(torch.randperm(8, generator=g))
print(torch.rand(2, generator=g))
print(torch.randn(3, generator=g))
print(torch.randint(0, 10, (4,), generator=g), torch.randint(5, (2,), generator=g))
print(torch.randperm(8))
print(torch.initial_seed())
g2 = torch.Generator().manual_seed(42)
print(torch.randperm(8, generator=g2))
