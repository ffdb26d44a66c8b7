import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for i in range(5):
    opt.zero_grad()
    loss = ((w - torch.tensor([3.0, 3.0])) ** 2).mean()
    loss.backward()
    opt.step()
    print(f"{i} {loss.item():.5f} {w[0].item():.5f} {w[1].item():.5f}")
