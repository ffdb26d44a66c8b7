import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = torch.tensor([3.])
print(torch.hstack([a, b]))
print(torch.vstack([a, a * 2]))
print(torch.hstack((torch.ones(2, 1), torch.zeros(2, 2))))
print(torch.vstack([torch.ones(1, 3), torch.arange(3)]))
print(torch.empty_like(a).shape, torch.empty_like(a).dtype)
