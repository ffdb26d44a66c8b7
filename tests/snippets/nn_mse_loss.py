import torch
from torch import nn

loss_fn = nn.MSELoss()
print(loss_fn)
pred = torch.tensor([[0.5, 1.0], [2.0, 3.0]], requires_grad=True)
target = torch.tensor([[1.0, 1.0], [1.0, 1.0]])
loss = loss_fn(pred, target)
print(loss)
loss.backward()
print(pred.grad)
print(nn.MSELoss(reduction='sum')(pred, target))
