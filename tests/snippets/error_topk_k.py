import torch

x = torch.tensor([[3.0, 1.0, 2.0], [0.0, 5.0, -1.0]])
for f in [lambda: x.sort(dim=2), lambda: x.topk(4), lambda: x.topk(-1), lambda: x.topk(2, dim=-3), lambda: torch.argsort(x, 5)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
x.topk(3, dim=0)
