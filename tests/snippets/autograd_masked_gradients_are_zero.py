# Gradients that a mask turns off are +0 in PyTorch (where(mask, grad, 0)), even when the
# incoming gradient is negative (grad * 0 would be -0.) or NaN (grad * 0 would be nan).
import torch
import torch.nn.functional as F

g = torch.tensor([-3., 1., -2., float('nan'), -1.])


def grad_of(f):
    x = torch.tensor([-1., 2., 0., -5., 1.], requires_grad=True)
    f(x).backward(g)
    return x.grad


print("relu     ", grad_of(torch.relu))
print("F.relu   ", grad_of(F.relu))
print("nn.ReLU  ", grad_of(torch.nn.ReLU()))
print("clamp    ", grad_of(lambda x: x.clamp(-0.5, 1.5)))
print("clamp min", grad_of(lambda x: x.clamp(min=0.5)))
print("clamp max", grad_of(lambda x: x.clamp(max=0.5)))
print("clamp t  ", grad_of(lambda x: x.clamp(torch.full((5,), -0.5), torch.full((5,), 0.5))))
print("maximum  ", grad_of(lambda x: torch.maximum(x, torch.zeros(5))))
print("minimum  ", grad_of(lambda x: torch.minimum(x, torch.zeros(5))))
print("max      ", grad_of(lambda x: x.max() * torch.ones(5)))
print("min      ", grad_of(lambda x: x.min() * torch.ones(5)))
print("where    ", grad_of(lambda x: torch.where(x > 0, x, torch.zeros(5))))
print("x * mask ", grad_of(lambda x: x * (x > 0)))

# maximum of a pair with NaN: both inputs get the gradient
a = torch.tensor([float('nan'), 1., 2.], requires_grad=True)
b = torch.tensor([0., 1., 3.], requires_grad=True)
torch.maximum(a, b).backward(torch.tensor([-1., -4., -2.]))
print(a.grad, b.grad)

# the max of a tensor holding NaN is NaN; its gradient goes to the NaNs
c = torch.tensor([1., float('nan'), 3., float('nan')], requires_grad=True)
m = c.max()
print(m)
m.backward()
print(c.grad)
