import torch

a = torch.tensor([1.0, 2.0, 3.0])
b = torch.tensor([3.0, 2.0, 1.0])
print(a == b, a < b, a >= 2)
print(a.eq(b), torch.equal(a, a), torch.allclose(a, a + 1e-9))
print((a == b).any(), (a == b).all(), (a > 0).all())
print(a.clamp(1.5, 2.5), torch.maximum(a, b))
