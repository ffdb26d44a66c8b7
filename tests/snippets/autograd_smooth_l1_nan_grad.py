import torch
import torch.nn.functional as F
a = torch.tensor([1.0, float('nan'), 2.0, 5.0], requires_grad=True)
b = torch.tensor([1.0, 1.0, float('nan'), 1.0])
F.smooth_l1_loss(a, b).backward()
print(a.grad)
a.grad = None
F.huber_loss(a, b, reduction='sum', delta=0.5).backward()
print(a.grad)
