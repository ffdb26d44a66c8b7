import torch

x = torch.ones(2, requires_grad=True)
try:
    with torch.no_grad():
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
print(torch.is_grad_enabled())
print((x * 2).requires_grad)
