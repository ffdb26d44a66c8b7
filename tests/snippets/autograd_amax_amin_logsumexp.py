import torch
# amax/amin (AmaxBackward0: the gradient shared among ties) and logsumexp (LogsumexpBackward0)
x = torch.tensor([[1.0, 3.0, 3.0], [-2.0, float('-inf'), 0.5]], requires_grad=True)
for f in [lambda t: t.amax(), lambda t: t.amax(1), lambda t: torch.amin(t, 0, keepdim=True), lambda t: t.amin(dim=(0, 1)),
          lambda t: torch.logsumexp(t, 1), lambda t: t.logsumexp(0, keepdim=True), lambda t: torch.logsumexp(t, (0, 1))]:
    r = f(x)
    print(r)
    r.sum().backward()
    print(x.grad)
    x.grad = None
y = torch.tensor([float('inf'), 1.0, float('nan')], requires_grad=True)
print(y.amax(), torch.logsumexp(y[:2], 0), torch.logsumexp(torch.tensor([float('-inf'), float('-inf')]), 0))
print(torch.logsumexp(torch.tensor([100.0, 100.5, 99.0]), 0).item(), torch.tensor([[1, 2], [3, 4]]).logsumexp(1))
