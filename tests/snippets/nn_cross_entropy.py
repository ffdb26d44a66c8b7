import torch
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]], requires_grad=True)
labels = torch.tensor([0, 1])
loss = nn.CrossEntropyLoss()(logits, labels)
print(loss)
loss.backward()
print(logits.grad)
