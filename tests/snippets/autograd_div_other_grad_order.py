import torch

# DivBackward0's gradient for the divisor is -grad * ((self / other) / other), so tiny
# divisors do not overflow through other * other
x = torch.tensor([[-2.0, float('nan'), 1e-30, 0.5]], requires_grad=True)
r = x / x
r[0].backward(torch.tensor([3.0, -1e+30, 0.5, -0.5]))
print(x.grad)
a = torch.tensor([1e-20, 3.0, -0.0], requires_grad=True)
b = torch.tensor([1e-25, 7.0, 2.0], requires_grad=True)
(a / b).backward(torch.tensor([1.0, 0.1, -1.0]))
print(a.grad, b.grad.tolist())
