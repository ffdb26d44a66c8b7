# PyTorch's UserWarnings where learners go wrong without an error. Python shows each warning
# once per place in the program (a loop repeats none), and warnings raised inside torch's own
# modules (nn.MSELoss, backward(create_graph=True)) once per run.
import torch
import torch.nn.functional as F
from torch import nn

x = torch.ones(4, 1, requires_grad=True)
y = x * 2
print(y.grad)
print(y.grad)
for i in range(3):
    print(i, y.grad)
y.retain_grad()
print(y.grad)
print(x.grad, (x * 1).detach().grad)
t = torch.tensor(x)
print(t.requires_grad)
pred = torch.zeros(4, 1)
target = torch.ones(4)
for i in range(2):
    print(F.mse_loss(pred, target))
loss_fn = nn.MSELoss()
print(loss_fn(pred, target))
print(loss_fn(pred, target))
print(F.l1_loss(pred, target), F.smooth_l1_loss(pred, target), F.huber_loss(pred, target))
print(F.mse_loss(pred, target.unsqueeze(1)))
print(F.softmax(torch.ones(2, 3)), F.log_softmax(torch.ones(3)))
print(nn.Softmax()(torch.ones(2, 2)))
w = torch.tensor(2.0, requires_grad=True)
(w ** 3).backward(create_graph=True)
(w ** 2).backward(create_graph=True)
print(w.grad)
