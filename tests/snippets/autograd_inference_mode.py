import torch
x = torch.tensor([1.], requires_grad=True)
with torch.inference_mode():
    y = x * 2
    print(torch.is_grad_enabled())
print(y, y.requires_grad, torch.is_grad_enabled())
with torch.inference_mode(False):
    z = x * 2
print(z)
@torch.inference_mode()
def f(t):
    return t + 1
print(f(x))
