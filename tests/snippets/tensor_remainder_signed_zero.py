import torch
t = torch.tensor([2.0, 0.0, -2.0, 4.0, 3.5])
print(-t % 2)
print(t % -2)
print(torch.remainder(-t, 2), t.remainder(-1.5))
print(-t.double() % 2)
print(-0.0 % 2, -2.0 % 2, 0.0 % -2)
