# grad_fn._saved_self / _saved_other of MulBackward0 and DivBackward0 exist even when
# nothing was saved under them: None where the other operand needs no gradient.
import torch
x = torch.ones(2, requires_grad=True)
y = x + 2
for z in [y * 3, y / 3, 3 * y, y * y, torch.ones(2) * y]:
    f = z.grad_fn
    print(type(f).__name__, f._saved_self, f._saved_other)
