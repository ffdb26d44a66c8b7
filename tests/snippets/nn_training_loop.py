import torch
from torch import nn

# Fit y = 2x + 1 with a 1-in 1-out linear layer, deterministic initial weights.
x = torch.tensor([[0.0], [1.0], [2.0], [3.0]])
y = 2 * x + 1
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(0.0)
    model.bias.fill_(0.0)
loss_fn = nn.MSELoss()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
for epoch in range(101):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d} loss {loss.item():.4f}")
print(f"w={model.weight.item():.3f} b={model.bias.item():.3f}")
