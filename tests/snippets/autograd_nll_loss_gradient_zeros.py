# nll_loss / cross_entropy write -grad at each target into zeros: the other classes get +0
# (not -1/0 mask * grad, which is -0. for a -0. or negative gradient, nan for a NaN one).
import torch
import torch.nn.functional as F

x = torch.tensor([[0.0, -2.0, -1.0], [2.0, 2.0, -0.25]], requires_grad=True)
target = torch.tensor([2, 0])

loss = F.cross_entropy(x, target)
(loss * -0.).backward()
print(x.grad)

for reduction in ["mean", "sum", "none"]:
    x.grad = None
    out = F.nll_loss(x, target, reduction=reduction)
    print(reduction, out)
    if reduction == "none":
        out.backward(torch.tensor([-1., float('nan')]))
    else:
        (out * -2).backward()
    print(x.grad)

y = torch.tensor([0.5, -1.0, 3.0], requires_grad=True)
F.nll_loss(y, torch.tensor(1)).backward(torch.tensor(-0.5))
print(y.grad)
