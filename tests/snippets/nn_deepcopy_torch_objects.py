import copy

import torch
import torch.nn as nn

p = nn.Parameter(torch.ones(2))
q = copy.copy(p)
print(type(q).__name__, q.requires_grad, q is p)
q.data[0] = 3
print(p)
e = nn.Embedding(3, 2)
e2 = copy.deepcopy(e)
print(e2, e2.weight is e.weight, torch.equal(e2.weight, e.weight))
opt = copy.deepcopy(torch.optim.SGD(e.parameters(), lr=0.1))
print(type(opt).__name__, opt.param_groups[0]['params'][0] is e.weight)
print(copy.deepcopy(torch.float32), copy.deepcopy(torch.Size([2, 3])), copy.copy(torch.Size([1])))
print(copy.deepcopy(torch.tensor([[1.0, 2.0], [4.0, 3.0]]).max(1)))
