import torch

# tril/triu apply to the last two dims of a batch
x = torch.tensor([[[-1.0, -3.5, 0.5]], [[3.0, 2.0, -2.0]]], requires_grad=True)
r = x.tril()
print(r)
r.backward(torch.tensor([[[0.0, 0.5, 0.75]], [[0.0, 0.0, 1.5]]]))
print(x.grad)
b = torch.arange(18.0).reshape(2, 3, 3)
print(b.triu(1), torch.tril(b, -1))
try:
    torch.tensor([1.0, 2.0]).tril()
except RuntimeError as e:
    print(e)
