import torch

x = torch.tensor([1.0, 2.5])
print(str(x))
print(repr(x))
print(f"x = {x}")
print([x, x])
print((x, 1))
print({'w': x})
print("value:", x)
s = str(torch.ones(2, 2))
print(len(s), s.count('\n'))
