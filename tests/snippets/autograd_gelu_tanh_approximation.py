# F.gelu(x, approximate='tanh') (and nn.GELU('tanh')) use the tanh formula forward and
# backward; the exact form is the default. Integer inputs are not implemented.
import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([-3.5, -1.0, 0.0, 0.5, 1.0, 3.0], requires_grad=True)
y = F.gelu(x, approximate='tanh')
y.backward(torch.tensor([1.0, -2.0, 0.5, 1.0, 1.0, 0.25]))
print(y)
print(x.grad)
print(F.gelu(torch.tensor([3.0]), approximate='none'), F.gelu(torch.tensor([-3.5])))

m = nn.GELU(approximate='tanh')
print(m, m(torch.tensor([1.0, -0.5])))
print(nn.GELU())
print(torch.erf(torch.tensor([float('inf'), float('-inf'), 6.5, -7.0])))

for f in [F.gelu, F.silu, F.elu, F.softplus, F.leaky_relu]:
    try:
        f(torch.tensor([1, -2]))
    except NotImplementedError as e:
        print(type(e).__name__, e)
try:
    F.gelu(x, approximate='exact')
except RuntimeError as e:
    print(e)
