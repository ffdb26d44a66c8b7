import torch
import torch.nn.functional as F
for x, t in [(torch.tensor([1., 2.]), torch.tensor([1, 0])), (torch.tensor([1, 2]), torch.tensor([1., 0.]))]:
    try:
        F.binary_cross_entropy_with_logits(x, t)
    except (RuntimeError, NotImplementedError) as e:
        print(type(e).__name__, e)
F.binary_cross_entropy_with_logits(torch.tensor([1, 2]), torch.tensor([1, 0]))
