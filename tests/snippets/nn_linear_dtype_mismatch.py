# nn.Linear / F.linear / addmm with mixed float32 and float64: PyTorch checks addmm's operands in its
# own order and says so (a learner meets this with float64 data and a float32 model).
import torch
import torch.nn.functional as F
f = torch.ones(3, 2)
d = torch.ones(3, 2, dtype=torch.float64)
w = torch.ones(1, 2)
wd = torch.ones(1, 2, dtype=torch.float64)
b = torch.ones(1)
bd = torch.ones(1, dtype=torch.float64)
def t(name, fn):
    try:
        r = fn()
        print(name, r.dtype)
    except Exception as e:
        print(name, type(e).__name__, e)
t('lin d w b', lambda: F.linear(d, w, b))
t('lin f wd b', lambda: F.linear(f, wd, b))
t('lin f w bd', lambda: F.linear(f, w, bd))
t('lin d w', lambda: F.linear(d, w))
t('lin 1d d w b', lambda: F.linear(d[0], w, b))
t('lin 3d d w b', lambda: F.linear(d.unsqueeze(0), w, b))
t('addmm', lambda: torch.addmm(bd, f, w.t()))
t('addmm2', lambda: torch.addmm(b, d, w.t()))
t('matmul', lambda: d @ w.t())
t('int', lambda: F.linear(torch.ones(3, 2, dtype=torch.int64), w, b))
