import torch

x = torch.tensor([1.0, 2.0, 3.0])
print(x > 1.5)
print(torch.tensor([True, False]))
print(torch.tensor(True))
print((x > 1.5).dtype)
print(x.eq(x))
print(x.eq(x).all())
