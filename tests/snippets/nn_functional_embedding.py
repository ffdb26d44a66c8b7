import torch
import torch.nn.functional as F

w = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], dtype=torch.float64, requires_grad=True)
y = F.embedding(torch.tensor([2, 0, 2], dtype=torch.int32), w, padding_idx=-1)
print(y)
g, = torch.autograd.grad((y ** 2).sum(), w, create_graph=True)
print(g)
g.sum().backward()
print(w.grad)
for bad in [torch.tensor([3]), torch.tensor([-1]), torch.tensor([1.0]), [1]]:
    try:
        F.embedding(bad, w)
    except Exception as e:
        print(type(e).__name__, e)
try:
    F.embedding(torch.tensor([0]), w, padding_idx=3)
except AssertionError as e:
    print('AssertionError', e)
F.embedding(torch.tensor([0]), torch.ones(3))
