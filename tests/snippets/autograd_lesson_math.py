import torch

# out = 3(x+2)^2/4, so d out/dx = 3(x+2)/2
x = torch.tensor([[1.0, 2.0], [0.0, -2.0]], requires_grad=True)
out = (3 * (x + 2) ** 2).mean()
out.backward()
print(out)
print(x.grad)
print(3 * (x.detach() + 2) / 2)
