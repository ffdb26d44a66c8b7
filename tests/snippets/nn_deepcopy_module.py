import copy
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
with torch.no_grad():
    for i, p in enumerate(model.parameters()):
        p.copy_(torch.arange(p.numel(), dtype=torch.float32).reshape(p.shape) / (i + 2))
best = copy.deepcopy(model)
print(best)
print(best[0].weight is model[0].weight, type(best[2].bias).__name__)
opt = torch.optim.SGD(model.parameters(), lr=0.5)
loss = model(torch.tensor([[-1.0, 2.0]])).sum()
loss.backward()
opt.step()
print(model[0].weight)
print(best[0].weight, best[0].weight.grad)
print(best.state_dict()['2.bias'], model.state_dict()['2.bias'])
print(copy.deepcopy(model)[0].weight.grad, copy.deepcopy(model[2].weight.grad))
