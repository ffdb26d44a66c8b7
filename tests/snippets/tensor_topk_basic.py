import torch

x = torch.tensor([[3.0, 1.0, 2.0, 0.5], [0.0, 5.0, -1.0, 4.0]], requires_grad=True)
t = torch.topk(x, 2)
print(t)
print(type(t).__name__, t.values.grad_fn)
v, i = x.topk(3, dim=0 - 1, largest=False)
print(v, i)
(t.values * torch.tensor([10.0, 1.0])).sum().backward()
print(x.grad)
print(x.topk(1, dim=0), x.topk(0))
y = torch.tensor([1.0, 2.0, 2.0, 2.0, 1.0, 1.0, 3.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0])
print(y.topk(5), y.topk(5, largest=False))
print(y.topk(5, sorted=False))
big = torch.arange(200) % 7
print(big.topk(3), big.topk(2, largest=False).indices)
