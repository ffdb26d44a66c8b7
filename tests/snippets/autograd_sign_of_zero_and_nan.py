# torch.sign is (0 < x) - (x < 0): +0 for -0. and for NaN. abs() and l1_loss take their
# gradient through it, so a NaN input gets a zero gradient (signed like the incoming one).
import torch
import torch.nn.functional as F

x = torch.tensor([-0., float('nan'), 0., 2., -3.])
print(x.sign(), torch.sign(x.double()))

a = torch.tensor([-0., float('nan'), 0.5, -2.], requires_grad=True)
a.abs().backward(torch.tensor([-1., -0.25, 3., 1.]))
print(a.grad)

b = torch.tensor([float('nan'), 1.0, 1.5], requires_grad=True)
loss = F.l1_loss(b, torch.ones(3), reduction='sum')
print(loss)
(loss * -1).backward()
print(b.grad)
