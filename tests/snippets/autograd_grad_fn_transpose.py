import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
print(x.t())
print(x.T.grad_fn)
print(x.transpose(0, 1).grad_fn)
print(x.t().shape)
