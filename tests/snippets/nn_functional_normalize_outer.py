import torch
import torch.nn.functional as F
# F.normalize and torch.outer are composites in PyTorch: DivBackward0/ExpandBackward0/ClampMinBackward0, MulBackward0/ViewBackward0
x = torch.tensor([[3.0, -4.0], [0.0, 0.0], [1.0, 2.0]], requires_grad=True)
r = F.normalize(x)
print(r)
print(r.grad_fn, r.grad_fn.next_functions[1][0], r.grad_fn.next_functions[1][0].next_functions[0][0])
r.backward(torch.tensor([[1.0, 0.5], [2.0, -1.0], [0.25, 3.0]]))
print(x.grad)
print(F.normalize(x, p=1, dim=0), F.normalize(x.detach()[0], dim=0))
a = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
b = torch.tensor([3.0, 0.25], requires_grad=True)
o = torch.outer(a, b)
print(o, o.grad_fn.next_functions)
o.sum().backward()
print(a.grad, b.grad)
try:
    torch.outer(x, b)
except RuntimeError as e:
    print(e)
