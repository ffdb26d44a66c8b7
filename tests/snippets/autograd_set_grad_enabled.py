import torch

x = torch.ones(2, requires_grad=True)
with torch.set_grad_enabled(False):
    print((x * 2).requires_grad)
with torch.set_grad_enabled(True):
    print((x * 2).requires_grad)
torch.set_grad_enabled(False)
print((x * 2).requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(True)
print((x * 2).requires_grad, torch.is_grad_enabled())
