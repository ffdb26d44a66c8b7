# Benchmark for `cargo xtask bench pyrun`: a tiny MLP trained for 2,000 full-batch SGD steps.
# Run unchanged by `target/release/pyrun` and by Python with PyTorch; both print the same lines.
import torch
from torch import nn

torch.manual_seed(0)
x = torch.linspace(-2.0, 2.0, 64).unsqueeze(1)
y = 0.5 * x * x - x + 0.25


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 16)
        self.fc2 = nn.Linear(16, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


model = MLP()
loss_fn = nn.MSELoss()
opt = torch.optim.SGD(model.parameters(), lr=0.05)
for step in range(2000):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    if step % 500 == 0:
        print(f"step {step:4d} loss {loss.item():.6f}")
print(f"done steps=2000 loss={loss.item():.6f}")
