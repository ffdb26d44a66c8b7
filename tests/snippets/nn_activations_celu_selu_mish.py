import torch
import torch.nn as nn
import torch.nn.functional as F
# celu (CeluBackward0), selu (EluBackward0), logsigmoid, hardswish, hardsigmoid, mish, threshold with
# their own nodes; softsign and tanhshrink composed (DivBackward0, SubBackward0); the modules' reprs
x = torch.tensor([-4.0, -3.0, -1.5, -0.25, 0.0, 0.5, 2.0, 3.0, 5.0], requires_grad=True)
for f in [lambda t: F.celu(t), lambda t: F.celu(t, alpha=0.5), F.selu, F.logsigmoid, F.hardswish, F.hardsigmoid,
          F.mish, lambda t: F.threshold(t, 0.5, -2.0), F.softsign, F.tanhshrink, torch.selu, torch.celu]:
    r = f(x)
    print(r)
    r.sum().backward()
    print(r.grad_fn.name(), x.grad)
    x.grad = None
mods = [nn.CELU(), nn.CELU(0.3, inplace=True), nn.SELU(), nn.SELU(True), nn.LogSigmoid(), nn.Hardswish(), nn.Hardsigmoid(),
        nn.Mish(), nn.Threshold(0.1, 20), nn.Threshold(0.1, 20.0, True), nn.Softsign(), nn.Tanhshrink()]
for m in mods:
    print(m)
net = nn.Sequential(nn.Linear(2, 2), nn.Mish(), nn.Hardswish())
print(net)
y = torch.tensor([-1.0, 0.5, 4.0])
F.hardsigmoid(y, inplace=True)
print(y)
F.celu(torch.tensor([1, 2]))
