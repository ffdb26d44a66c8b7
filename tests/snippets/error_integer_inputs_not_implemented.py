import torch
import torch.nn.functional as F

# float-only kernels on integer tensors raise NotImplementedError with ATen's kernel name
x = torch.tensor([[1, -2, 3]])
y = torch.tensor([[2, 0, 1]])
for f in [lambda: F.softmax(x, -1), lambda: F.log_softmax(x, 1), lambda: F.softmax(x, 0),
          lambda: x.norm(), lambda: x.std(), lambda: x.var(0), lambda: F.mse_loss(x, y),
          lambda: F.huber_loss(x, y), lambda: F.smooth_l1_loss(x, y),
          lambda: F.binary_cross_entropy(x, y), lambda: F.cross_entropy(x, torch.tensor([0]))]:
    try:
        print(f())
    except NotImplementedError as e:
        print('NotImplementedError', e)
