import torch
import torch.nn.functional as F
# the errors of the special functions, as PyTorch words them
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
attempt(lambda: torch.fmod(torch.tensor([True]), torch.tensor([True])))
attempt(lambda: torch.ones(2).logit('a'))
attempt(lambda: F.celu(torch.ones(2), 0.0))
attempt(lambda: torch.xlogy(torch.ones(2), 'a'))
attempt(lambda: torch.maximum(torch.ones(2), 2.0))
attempt(lambda: torch.ones(2).atan2(2.0))
attempt(lambda: F.mish(torch.tensor([1, 2])))
attempt(lambda: F.logsigmoid(torch.tensor([1, 2])))
attempt(lambda: torch.median(torch.zeros(0, 3), 0))
attempt(lambda: torch.cummax(torch.ones(2), 1))
attempt(lambda: torch.tensor([True]).median())
attempt(lambda: F.threshold(torch.ones(2), 1))
attempt(lambda: torch.nanmean(torch.tensor([1, 2])))
attempt(lambda: torch.ones(3, requires_grad=True).fmod_(2))
