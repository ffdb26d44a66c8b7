import torch
# lerp, addcmul and addcdiv are single nodes (LerpBackward0, AddcmulBackward0, AddcdivBackward0)
a = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
b = torch.tensor([3.0, 0.25, -1.0], requires_grad=True)
c = torch.tensor([2.0, -0.5, 4.0], requires_grad=True)
for w in [0.3, 0.75]:
    r = torch.lerp(a, b, w); print(r); r.backward(torch.tensor([1.0, -2.0, 0.5])); print(a.grad, b.grad); a.grad = b.grad = None
r = a.lerp(b, 0.5); print(r, r.grad_fn.next_functions)
r = torch.addcmul(a, b, c, value=0.5); print(r); r.sum().backward(); print(a.grad, b.grad, c.grad); a.grad = b.grad = c.grad = None
r = a.addcdiv(b, c, value=-2); print(r); r.sum().backward(); print(a.grad, b.grad, c.grad); a.grad = b.grad = c.grad = None
r = torch.addcdiv(a, b, c); print(r, r.grad_fn.next_functions)
t = a.clone(); t.addcmul_(b, c); print(t); t.lerp_(b, 0.1); print(t); t.addcdiv_(b, c, value=3); print(t)
t.sum().backward(); print(a.grad, b.grad, c.grad)
x = torch.tensor([1, 2]); print(torch.addcmul(x, x, x, value=2))
try:
    torch.lerp(x, x, 0.5)
except NotImplementedError as e:
    print(e)
print(torch.addcmul(torch.tensor([1.0, 2.0]), torch.tensor([2, 3]), torch.tensor([1, 1]), value=0.5))
