import torch
from torch import nn

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
print(model)
with torch.no_grad():
    for p in model.parameters():
        p.fill_(0.5)
out = model(torch.tensor([[1.0, 2.0]]))
print(out)
print(len(list(model.parameters())))
