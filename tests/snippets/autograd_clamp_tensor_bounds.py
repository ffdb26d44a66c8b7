import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0, 0.5], requires_grad=True)
lo = torch.tensor([2.0, 2.0, 0.0, 5.0, 0.5], requires_grad=True)
hi = torch.tensor([3.0, 3.0, 3.0, 4.5, 0.5], requires_grad=True)
c = torch.clamp(x, min=lo, max=hi)
print(c, c.grad_fn.name(), len(c.grad_fn.next_functions))
print(c.grad_fn._saved_min.equal(lo), c.grad_fn._saved_max is None)
c.sum().backward()
print(x.grad, lo.grad, hi.grad)
x.grad = lo.grad = hi.grad = None
b = torch.tensor(2.0, requires_grad=True)
m = x.clamp(min=b)
print(m, m.grad_fn.next_functions[2])
(m * torch.arange(5.0)).sum().backward()
print(x.grad, b.grad)
x.grad = None
col = torch.tensor([[2.5], [1.5]], requires_grad=True)
y = x.clamp(b, col)
print(y)
y.sum().backward()
print(x.grad, b.grad, col.grad)
nan = float("nan")
z = torch.tensor([0.0, 1.0, nan, 1.0], requires_grad=True)
w = z.clamp(torch.tensor([nan, 0.0, 0.0, 2.0]), torch.tensor([1.0, nan, 1.0, 0.0]))
w.backward(torch.ones(4))
print(w, z.grad)
print(torch.clamp(torch.tensor([1, 5, 9]), torch.tensor([2, 2, 2]), torch.tensor([8.5, 8.5, 8.5])))
print(torch.clamp(torch.tensor([1, 5, 9]), torch.tensor(2), torch.tensor(8)), torch.tensor([1, 5, 9]).clip(max=torch.tensor(2.5)))
try:
    x.clamp(lo, 2.5)
except TypeError as e:
    print(e)
try:
    torch.clamp(x, torch.ones(2))
except RuntimeError as e:
    print(e)
