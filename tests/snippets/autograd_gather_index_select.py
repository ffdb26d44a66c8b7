import torch
# gather (GatherBackward0) and index_select (IndexSelectBackward0): gradients added back at the indices
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
i = torch.tensor([[0, 0, 2], [1, 2, 0]])
r = torch.gather(x, 1, i); print(r, r.grad_fn); r.backward(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])); print(x.grad); x.grad = None
r = x.gather(0, torch.tensor([[1, 0, 1]])); print(r); r.sum().backward(); print(x.grad); x.grad = None
r = x.index_select(1, torch.tensor([2, 0, 2])); print(r, r.grad_fn); r.backward(torch.ones(2, 3)); print(x.grad); x.grad = None
r = torch.index_select(x, 0, torch.tensor([1])); print(r); r.sum().backward(); print(x.grad)
for f in [lambda: x.gather(1, torch.tensor([[0.0]])), lambda: x.gather(1, torch.tensor([0])), lambda: x.gather(1, torch.tensor([[5]])),
          lambda: x.index_select(1, torch.tensor([[0]])), lambda: x.index_select(1, torch.tensor([5])), lambda: x.index_select(1, torch.tensor([0.0]))]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
y = torch.arange(12.0).reshape(3, 4).requires_grad_()
r = y.gather(1, torch.tensor([[3, 0], [1, 1]])); print(r); r.backward(torch.tensor([[1.0, 2.0], [3.0, 4.0]])); print(y.grad)
r = torch.gather(y, 0, torch.tensor([[2], [0]])); print(r)
try:
    y.gather(1, torch.tensor([[0], [0], [0], [0]]))
except RuntimeError as e:
    print(e)
print(y.topk(2, 1), y.sort(0, descending=True).values, y.max(1))
