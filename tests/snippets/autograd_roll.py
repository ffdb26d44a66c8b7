import torch
x = torch.arange(6.).reshape(2, 3).requires_grad_()
w = torch.arange(6.).reshape(2, 3)
print(torch.roll(x, 1))
r = torch.roll(x, (1, -1), (0, 1))
print(r)
(r * w).sum().backward()
print(x.grad)
x.grad = None
(x.roll(shifts=4) * w).sum().backward()
print(x.grad)
print(x.roll(2, -1), torch.roll(torch.tensor(3.), 1))
for a in [((1, 2), 0), ((), ()), (1, 5)]:
    try:
        torch.roll(x, *a)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
torch.roll(torch.tensor(3.), 1, 0)
