import torch
import torch.nn.functional as F

print(F.one_hot(torch.tensor([0, 2, 1])))
print(F.one_hot(torch.tensor([[0, 2], [1, 0]]), 4))
print(F.one_hot(torch.tensor([], dtype=torch.long), 3))
for bad in [torch.tensor([1.0]), torch.tensor([3]), torch.tensor([-1]), torch.tensor([], dtype=torch.long)]:
    try:
        F.one_hot(bad, 3 if bad.numel() else -1)
    except RuntimeError as e:
        print(e)
try:
    F.one_hot(torch.tensor([1, 2]), -2)
except RuntimeError as e:
    print(e)
