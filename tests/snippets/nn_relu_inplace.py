import torch
import torch.nn as nn
import torch.nn.functional as F
# inplace=True: nn.ReLU(inplace=True) and friends modify their input and return it
# (ReluBackward0, LeakyReluBackward1, EluBackward1, SiluBackward0, HardtanhBackward0)
print(nn.ReLU(inplace=True), nn.ReLU(True), nn.LeakyReLU(0.2, inplace=True), nn.ELU(inplace=True), nn.SiLU(inplace=True),
      nn.Hardtanh(inplace=True), nn.ReLU6(True), nn.ReLU(), nn.LeakyReLU(), nn.ELU(0.5))
x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
for m in [nn.ReLU(inplace=True), nn.LeakyReLU(0.1, True), nn.ELU(0.5, True), nn.SiLU(True), nn.Hardtanh(-0.5, 0.5, True),
          nn.ReLU6(True), lambda t: F.relu(t, inplace=True), lambda t: F.leaky_relu(t, 0.2, inplace=True), lambda t: F.elu(t, inplace=True)]:
    y = x * 2
    z = m(y)
    print(z is y, z)
    z.backward(torch.tensor([1.0, -1.0, 0.5]))
    print(x.grad)
    x.grad = None
net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(inplace=True), nn.Linear(3, 1))
print(net)
t = torch.tensor([-1.0, 2.0])
print(F.relu(t, inplace=True) is t, t)
