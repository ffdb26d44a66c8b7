import torch

a = torch.tensor([1, -2, 300], dtype=torch.int16)
print(a, a.dtype, torch.short, a.element_size(), a.type())
print(a + 1, a * a, a + torch.tensor([1, 2, 3], dtype=torch.int32), a + torch.tensor(5))
print(a / 2, a.sum(), a.float().mean(), a > 0, a.is_floating_point())
print(torch.tensor([70000.0, -1.7, float("nan"), 1e10, 32768.0]).to(torch.int16))
print(torch.tensor([40000, -40000]).short(), a.to(torch.int16) is a, a.tolist(), a[2].item())
print(torch.zeros(2, dtype=torch.int16), torch.arange(3, dtype=torch.short))
print(torch.tensor([1, 2], dtype=torch.int16).max(0), a.cumsum(0), a.sort(descending=True))
print(torch.int16 == torch.short, torch.tensor([1.5], dtype=torch.int16))
try:
    torch.tensor([1.0], dtype=torch.int16, requires_grad=True)
except RuntimeError as e:
    print(e)
a.mean()
