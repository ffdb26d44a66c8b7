import torch
from torch import nn
from torch.utils.data import TensorDataset, DataLoader

x = torch.linspace(-1, 1, 8).reshape(8, 1)
y = 3 * x + 1
loader = DataLoader(TensorDataset(x, y), batch_size=4)
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(0.5)
    model.bias.fill_(0.0)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item()
    print(epoch, round(total / len(loader), 4))
print(model.weight.item(), model.bias.item())
