import torch
import torch.nn.functional as F

# SoftmaxBackward0 computes (grad - sum(grad * out)) * out, rounded as ATen's CPU kernel
x = torch.tensor([[3.0, 0.0, -2.0, 1.0], [1.5, -0.25, 0.75, 2.0]], requires_grad=True)
F.softmax(x, -1).sum().backward()
print(x.grad)
x.grad = None
F.softmax(x, -1).backward(torch.tensor([[1.0, -0.5, 2.0, 0.25], [-1.5, 3.0, 0.7, -2.5]]))
print(x.grad.tolist())
v = torch.tensor([0.1, -1.3, 2.7, 0.33, 5.1, -0.7, 1.9, 3.3, -2.2, 0.05, 1.1, 4.4, -3.9, 2.2, 0.9,
                  1.7, -0.4, 2.5, 3.1, -1.1, 0.6, 0.77], requires_grad=True)
F.softmax(v, 0).backward(torch.tensor([1.0, -0.5, 2.0, 0.25, -1.5, 3.0, 0.7, -2.5, 1.3, 0.1, -0.9,
                                       2.2, 0.4, -0.3, 1.8, 0.6, -1.2, 0.9, 2.6, -0.8, 0.35, 1.45]))
print(v.grad.tolist())
