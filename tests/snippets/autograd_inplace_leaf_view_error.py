import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for key in [0, (0, 1), slice(1, None), x > 2, torch.tensor([0]), ..., (slice(None), 0), None, (0, torch.tensor([1])), slice(None), slice(0, 2)]:
    try:
        x[key] = 5
    except RuntimeError as e:
        print(e)
try:
    x[0] += 1
except RuntimeError as e:
    print(e)
with torch.no_grad():
    x[0] = 5
print(x)
