import torch
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.01)
print(opt)
for amsgrad, cls in [(False, torch.optim.AdamW), (True, torch.optim.Adam), (True, torch.optim.AdamW)]:
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    opt = cls([w], lr=0.1, weight_decay=0.1, amsgrad=amsgrad)
    for i in range(4):
        opt.zero_grad()
        (w ** 2 * torch.tensor([1., 5., -3.]) + (i - 2) * w).sum().backward()
        opt.step()
        print(w)
print(torch.optim.AdamW([w]))
m = torch.tensor([0.5, -1.0])
m.lerp_(torch.tensor([1.0, 1.0]), 0.1)
m.addcmul_(torch.tensor([2.0, 3.0]), torch.tensor([0.5, 0.5]), value=0.1)
m.addcdiv_(torch.tensor([2.0, 3.0]), torch.tensor([4.0, 0.5]), value=-2)
print(m)
