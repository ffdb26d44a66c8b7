import torch

x = torch.zeros(1, 3, 1, 2, requires_grad=True)
s = x.squeeze((0, 2))
print(s.shape, s.grad_fn.name(), s.data_ptr() == x.data_ptr())
print(torch.squeeze(x, (0, 2)).grad_fn.name(), x.squeeze(dim=(0, -2)).shape, x.squeeze([1, 3]).shape)
print(x.squeeze(()).shape, x.squeeze(()).grad_fn.name(), x.squeeze((1,)).grad_fn.name())
print(x.squeeze(0).grad_fn.name(), x.squeeze().grad_fn.name())
(s * torch.arange(6.0).view(3, 2)).sum().backward()
print(x.grad.shape, x.grad.view(-1))
print(torch.tensor(5.0).squeeze((0,)).shape, torch.tensor(5.0).squeeze(()).shape)
for dims in [(0, 0), (0, 4), (-5, 0)]:
    try:
        x.squeeze(dims)
    except (RuntimeError, IndexError) as e:
        print(type(e).__name__, e)
