import torch
from torch import nn

model = nn.Linear(3, 2)
with torch.no_grad():
    model.weight.copy_(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    model.bias.fill_(0.5)
sd = model.state_dict()
print(type(sd))
print(sd)
print(sd.keys())
for name, value in sd.items():
    print(name, value.shape, value.requires_grad)
copy = nn.Linear(3, 2)
print(copy.load_state_dict(sd))
print(copy.weight)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
print(list(net.state_dict().keys()), net.state_dict()["0.bias"].shape)
partial = {"weight": sd["weight"]}
print(copy.load_state_dict(partial, strict=False))
