import torch
x = torch.tensor([0.5, 0.0, float('-inf'), float('inf'), float('nan')], requires_grad=True)
x.clamp(max=0.5).backward(torch.ones(5))
print(x.grad)
x.grad = None
x.clamp(min=0.0).backward(torch.ones(5))
print(x.grad)
x.grad = None
x.clamp(-1.0, 0.5).backward(torch.ones(5))
print(x.grad)
