import torch
# nansum (NansumBackward0: no gradient to the NaNs) and nanmean (nansum / count: DivBackward0)
nan = float('nan')
x = torch.tensor([[1.0, nan, 3.0], [nan, nan, 0.5]], requires_grad=True)
for f in [lambda t: t.nansum(), lambda t: torch.nansum(t, 1), lambda t: t.nansum(0, keepdim=True),
          lambda t: t.nanmean(), lambda t: torch.nanmean(t, dim=1), lambda t: t.nanmean((0, 1), True)]:
    r = f(x)
    print(r, r.grad_fn.next_functions)
    r.sum().backward()
    print(x.grad)
    x.grad = None
print(torch.tensor([1, 2, 3]).nansum(), torch.tensor([True, False, True]).nansum(), torch.tensor([nan, nan]).nanmean())
print(torch.nansum(torch.tensor([1.5, nan]), dtype=torch.float64))
torch.tensor([1, 2]).nanmean()
