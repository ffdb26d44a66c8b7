import torch
# atan2 (Atan2Backward0), fmod (FmodBackward1 with a tensor divisor, FmodBackward0 with a number),
# xlogy (XlogyBackward0/1/2 by which side is a number) and their gradients
x = torch.tensor([0.5, -1.5, 2.0, 0.0, -3.25], requires_grad=True)
y = torch.tensor([1.0, 0.75, -2.5, 2.0, -1.0], requires_grad=True)
p = torch.tensor([0.25, 1.0, 3.0, 0.0, 0.5], requires_grad=True)
for f in [lambda: torch.atan2(x, y), lambda: x.arctan2(y), lambda: torch.fmod(x, y), lambda: x.fmod(0.75),
          lambda: torch.xlogy(x, p), lambda: torch.xlogy(x, 2.0), lambda: torch.xlogy(3, p), lambda: x.xlogy(p)]:
    r = f()
    print(r, r.grad_fn.next_functions)
    r.sum().backward()
    print(x.grad, y.grad, p.grad)
    x.grad = y.grad = p.grad = None
print(torch.fmod(torch.tensor([-7, 7, -7, 7]), torch.tensor([3, 3, -3, -3])), torch.fmod(torch.tensor([-7.5, 7.5]), 2))
print(torch.atan2(torch.tensor([1, -1]), torch.tensor([0, 0])), torch.xlogy(torch.tensor([0, 2]), torch.tensor([0, 3])))
print(torch.xlogy(torch.tensor([0.0, 0.0, 1.0]), torch.tensor([0.0, float('nan'), 0.0])))
t = torch.tensor([5.5, -5.5]); t.fmod_(2); print(t)
a = torch.tensor([0.0, -0.0, 1e-30], requires_grad=True)
b = torch.tensor([0.0, 0.0, 1e-30], requires_grad=True)
torch.atan2(a, b).backward(torch.tensor([-1.0, 1.0, 1.0]))
print(a.grad, b.grad)
try:
    torch.fmod(torch.tensor([1, 2]), 0)
except RuntimeError as e:
    print('RuntimeError:', e)
torch.atan2(x, 2.0)
