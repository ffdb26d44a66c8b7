import torch
import torch.nn as nn
import torch.nn.functional as F
# F.hardtanh / F.relu6 / nn.Hardtanh / nn.ReLU6: one HardtanhBackward0 node
x = torch.tensor([-2.0, -1.0, -0.5, 0.0, 1.0, 3.0, 6.0, 7.0, float('nan')], requires_grad=True)
r = F.hardtanh(x)
print(r)
r.backward(torch.arange(1.0, 10.0))
print(x.grad)
x.grad = None
r = F.relu6(x)
print(r)
r.backward(torch.arange(1.0, 10.0))
print(x.grad)
print(F.hardtanh(x, -0.5, 2.0), F.hardtanh(x, min_val=0.0, max_val=1.0))
print(nn.Hardtanh(), nn.ReLU6(), nn.Hardtanh(-2, 2)(x), nn.ReLU6()(x).grad_fn)
print(F.relu6(torch.tensor([-1, 3, 9])))
