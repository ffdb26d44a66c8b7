import torch
from torch import optim

w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = optim.SGD([w], lr=0.1)
for i in range(3):
    opt.zero_grad()
    loss = (w ** 2).sum()
    loss.backward()
    opt.step()
    print(i, f"{loss.item():.4f}", w)
