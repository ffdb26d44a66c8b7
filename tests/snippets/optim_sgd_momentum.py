import torch

w = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
for i in range(5):
    opt.zero_grad()
    loss = (w - 1.0).pow(2).sum()
    loss.backward()
    opt.step()
    print(f"step {i}: loss={loss.item():.6f} w={w.item():.6f}")
