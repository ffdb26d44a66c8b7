import torch

x = torch.tensor([0.5, -1.0], requires_grad=True)
print(torch.exp(x))
print(torch.relu(x))
print(torch.sigmoid(x))
print(torch.tanh(x))
print(torch.abs(x))
print(torch.sum(x))
print(torch.mean(x))
print(torch.clamp(x, min=0.0))
