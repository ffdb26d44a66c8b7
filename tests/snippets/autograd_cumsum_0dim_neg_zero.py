import torch
c = torch.tensor(2.0, requires_grad=True)
c.cumsum(0).backward(torch.tensor(-0.0))
print(c.grad)
c.grad = None
(c.cumsum(0) * 0 * -1).backward()
print(c.grad)
d = torch.tensor([3.0], requires_grad=True)
d.cumsum(0).backward(torch.tensor([-0.0]))
print(d.grad)
