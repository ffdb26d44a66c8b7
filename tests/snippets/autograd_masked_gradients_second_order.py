# Masked gradients keep their history under create_graph=True, so a second derivative flows
# through ReLU's and clamp's backward (grad_fn names as PyTorch's).
import torch
x = torch.tensor([1., -1., 2.], requires_grad=True)
y = torch.relu(x) ** 2
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
g.sum().backward()
print(x.grad)
x = torch.tensor([1., -1., 2.], requires_grad=True)
y = x.clamp(torch.zeros(3), torch.ones(3) * 1.5) ** 2
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
g.sum().backward()
print(x.grad)
x = torch.tensor([1., -1., 2.], requires_grad=True)
y = x.clamp(min=0) ** 2
g, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(g)
g.sum().backward()
print(x.grad)
