import torch
# logcumsumexp (LogcumsumexpBackward0) along each dim, with -inf and large values
x = torch.tensor([[0.5, -1.0, 2.0], [100.0, 101.0, float('-inf')]], requires_grad=True)
r = torch.logcumsumexp(x, 1)
print(r, r.grad_fn)
r.backward(torch.tensor([[1.0, -0.5, 0.25], [0.5, 1.0, -1.0]]))
print(x.grad)
x.grad = None
r = x.logcumsumexp(dim=0)
print(r)
r.sum().backward()
print(x.grad)
print(torch.logcumsumexp(torch.tensor([1, 2, 3]), 0), torch.logcumsumexp(torch.tensor([float('-inf'), float('-inf')]), 0))
print(torch.logcumsumexp(torch.tensor(-0.0), 0), torch.logcumsumexp(torch.tensor([1.0, float('nan'), 2.0, float('inf')]), 0))
torch.logcumsumexp(torch.tensor([1, 2]), 0)
