import torch
from torch import nn

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 3)
        self.out = nn.Linear(3, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))

net = MLP()
with torch.no_grad():
    net.hidden.weight.copy_(torch.tensor([[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]]))
    net.hidden.bias.copy_(torch.tensor([0.0, 0.1, -0.1]))
    net.out.weight.copy_(torch.tensor([[0.2, -0.3, 0.5]]))
    net.out.bias.fill_(0.0)
x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
opt = torch.optim.Adam(net.parameters(), lr=0.05)
for step in range(101):
    opt.zero_grad()
    loss = ((net(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
    if step % 25 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")
print(net(x).detach().view(-1).gt(0.5).tolist())
