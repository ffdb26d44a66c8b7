import torch
import torch.nn as nn
import torch.nn.functional as F
# F.kl_div as torch composes it (xlogy(t, t) - t * input, then the reduction; 'batchmean' divides
# the sum by the batch size); 'mean' warns; log_target; nn.KLDivLoss
inp = torch.tensor([[-1.2, -0.4, -2.3], [-0.1, -3.0, -1.0]], requires_grad=True)
tgt = torch.tensor([[0.2, 0.7, 0.1], [0.0, 0.5, 0.5]])
for red in ['batchmean', 'sum', 'none', 'mean']:
    r = F.kl_div(inp, tgt, reduction=red)
    print(red, r, r.grad_fn.next_functions)
    r.sum().backward()
    print(inp.grad)
    inp.grad = None
r = F.kl_div(inp, tgt.log(), reduction='batchmean', log_target=True)
print(r)
r.backward()
print(inp.grad)
crit = nn.KLDivLoss(reduction='batchmean')
print(crit, crit(inp, tgt))
print(nn.KLDivLoss(reduction='sum', log_target=True))
try:
    F.kl_div(inp, tgt, reduction='avg')
except ValueError as e:
    print('ValueError:', e)
F.kl_div(torch.tensor([1, 2]), torch.tensor([1, 2]), reduction='sum')
