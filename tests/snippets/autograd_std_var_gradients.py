# std's gradient is var's gradient of grad / (2 std), with zero where std == 0 (not nan);
# var's is (2 / dof) * grad * (x - mean).
import torch

x = torch.tensor([[0.5], [-0.5], [-1.0]], requires_grad=True)
x.std(-1, unbiased=False).backward(torch.tensor([2.0, 0.0, 0.5]))
print(x.grad)

c = torch.tensor([3.0, 3.0, 3.0], requires_grad=True)
c.std().backward()
print(c.grad)

a = torch.tensor([[1.0, 2.0, 4.0], [0.5, -1.5, 3.0]], dtype=torch.float64, requires_grad=True)
for name, f in [("var()", lambda t: t.var()),
                ("var(1)", lambda t: t.var(1).sum()),
                ("std(0, keepdim)", lambda t: t.std(0, keepdim=True).sum()),
                ("std(unbiased=False)", lambda t: t.std(unbiased=False)),
                ("var(0, correction=0)", lambda t: t.var(0, correction=0).sum())]:
    a.grad = None
    f(a).backward()
    print(name, a.grad)

b = torch.tensor([1.0, -3.0, 0.7, 2.2, 5.1, -0.3], requires_grad=True)
b.var().backward()
print(b.grad)
