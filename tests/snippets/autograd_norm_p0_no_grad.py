import torch

# the 0-norm has no gradient: backward leaves .grad as None
x = torch.tensor([[0.5, -0., 0.5, float('nan')]], requires_grad=True)
r = torch.norm(x, p=0)
print(r)
r.backward()
print(x.grad)
y = torch.tensor([2.0, -1.0], requires_grad=True)
(torch.norm(y * 3, p=0) + y.sum()).backward()
print(y.grad)
