import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([4.0, 5.0, 6.0])
print(a + b, a - b, a * b, a / b)
print(a ** 2, 2 ** a, -a, a % 2, a // 2)
print(a + 1, 1 + a, 10 - a, 1 / a)
print(torch.add(a, b), torch.mul(a, 2), a.pow(3))
