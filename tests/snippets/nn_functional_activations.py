import torch
import torch.nn.functional as F

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(F.relu(x))
print(torch.sigmoid(x))
print(torch.tanh(x))
print(F.softmax(x, dim=0))
print(F.log_softmax(x, dim=0))
