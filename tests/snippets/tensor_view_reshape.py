import torch

x = torch.arange(6.0)
print(x.view(2, 3))
print(x.reshape(3, -1))
print(x.view(2, 3).t().contiguous().view(-1))
print(x.unsqueeze(0).shape, x.view(1, 6, 1).squeeze().shape)
print(x.view(2, 3).flatten())
print(x.view(2, 3).permute(1, 0))
print(x.view(2, 3).is_contiguous(), x.view(2, 3).t().is_contiguous())
