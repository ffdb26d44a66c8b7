import torch

# norm_backward as PyTorch writes it: p=inf counts NaNs as maxima, p=2 masks zero norms with +0
x = torch.tensor([1.0, float('nan'), -2.0, 2.0], requires_grad=True)
r = x.norm(float('inf'))
print(r)
r.backward()
print(x.grad)
x = torch.tensor([[1.0, -3.0], [3.0, 2.0]], requires_grad=True)
r = x.norm(float('inf'), dim=1, keepdim=True)
r.sum().backward()
print(r, x.grad)
z = torch.tensor([[0.0, -0.0], [3.0, -4.0]], requires_grad=True)
r = z.norm(dim=1)
r.backward(torch.tensor([-1.0, 1.0]))
print(r, z.grad)
w = torch.tensor([[0.0, -0.0], [3.0, -4.0]], requires_grad=True)
w.norm(p=3, dim=1).sum().backward()
print(w.grad)
