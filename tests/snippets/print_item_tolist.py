import torch

# float32 values become Python floats: 0.1 shows its float32 rounding.
x = torch.tensor([0.1, 0.5, 1.0])
print(x.tolist())
print(x[0].item())
print(torch.tensor(4.5).item())
print(torch.tensor([1, 2]).tolist())
print(torch.tensor(3).item())
print(torch.ones(2, 2).tolist())
print(type(torch.tensor(2.0).item()))
print(float(torch.tensor(0.3)), int(torch.tensor(2.9)))
