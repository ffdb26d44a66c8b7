import torch

x = torch.ones(2)
print(x.shape)
x.not_an_attribute
