import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([1.5, -2.0, 0.5, 3.0], requires_grad=True)
t = torch.tensor([1.0, -1.0, -1.0, 1.0])
for red in ['mean', 'sum', 'none']:
    l = F.soft_margin_loss(x, t, reduction=red)
    print(l)
    l.sum().backward()
    print(x.grad)
    x.grad = None
m = nn.SoftMarginLoss()
print(m, m(x, t))
print(nn.SoftMarginLoss(reduction='sum')(x, t))
try:
    F.soft_margin_loss(torch.tensor([1, 2]), torch.tensor([1, -1]))
except RuntimeError as e:
    print(e)
F.soft_margin_loss(x, t.requires_grad_())
