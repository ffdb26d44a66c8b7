import torch

x = torch.tensor([[1.5, 2.0, -0.5, 3.0], [2.0, 0.0, 4.0, 0.5], [0.0, 3.0, 0.0, 2.0]], requires_grad=True)
c = x.cumprod(1)
print(c)
print(c.grad_fn.name(), c.grad_fn._saved_self.shape, c.grad_fn._saved_result.equal(c))
w = torch.arange(12.0).view(3, 4) - 5.0
(c * w).sum().backward()
print(x.grad)
x.grad = None
c0 = torch.cumprod(x, dim=0)
(c0 * w).sum().backward()
print(c0, x.grad)
y = torch.tensor([0.7, 1.3, 0.0, 2.5, 0.0, 1.1], requires_grad=True)
(g,) = torch.autograd.grad((y.cumprod(0) ** 2).sum(), y, create_graph=True)
# (PyTorch's g has grad_fn CopySlices here, ours CatBackward0: values only)
print(g.detach(), g.requires_grad)
print(torch.autograd.grad(g.sum(), y)[0])
z = torch.tensor([1.1, 1.3, 1.7, 1.9, 2.3, 0.7, 3.1, 1.01], requires_grad=True)
z.cumprod(0).sum().backward()
print(z.grad, z.cumprod(0)[-1].item())
print(torch.tensor([1, 2, 3]).cumprod(0), torch.tensor([True, True, False]).cumprod(0))
