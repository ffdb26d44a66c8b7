import torch
import torch.nn as nn

weight = torch.tensor([[0.5, -1.0], [2.0, 0.25], [1.5, 3.0], [-0.75, 1.0]])
emb = nn.Embedding.from_pretrained(weight, freeze=False, padding_idx=1)
print(emb, emb.weight.requires_grad)
idx = torch.tensor([[0, 2, 2], [1, 3, 0]])
out = emb(idx)
print(out)
print(out.grad_fn, out.grad_fn.next_functions)
(out * torch.arange(12.0).reshape(2, 3, 2)).sum().backward()
print(emb.weight.grad)
frozen = nn.Embedding.from_pretrained(weight)
print(frozen.weight.requires_grad, frozen(torch.tensor(3)))
