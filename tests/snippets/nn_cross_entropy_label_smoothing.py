import torch
import torch.nn.functional as F

x = torch.tensor([[3.0, 0.0, -2.0, 1.0], [1.0, 2.0, 3.0, 4.0]], requires_grad=True)
t = torch.tensor([1, -100])
loss = F.cross_entropy(x, t, label_smoothing=0.1)
print(loss, loss.grad_fn.next_functions)
loss.backward()
print(x.grad)
print(F.cross_entropy(x, torch.tensor([1, 2]), label_smoothing=0.2, reduction='sum'))
print(F.cross_entropy(x, torch.tensor([1, 2]), label_smoothing=0.2, reduction='none'))
print(F.cross_entropy(x[0], torch.tensor(3), label_smoothing=0.1))
p = torch.tensor([[0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]])
print(F.cross_entropy(x, p, label_smoothing=0.3))
print(torch.nn.CrossEntropyLoss(label_smoothing=0.1)(x, torch.tensor([0, 3])))
try:
    F.cross_entropy(x, t, label_smoothing=1.5)
except RuntimeError as e:
    print(e)
