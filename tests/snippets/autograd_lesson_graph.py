import torch

x2 = torch.ones(2, 2, requires_grad=True)
y = x2 + 2
z = y * y * 3
out = z.mean()
node = out.grad_fn
while node is not None:
    print(node.name(), [(type(f).__name__ if f is not None else None, i) for f, i in node.next_functions])
    nexts = [f for f, _ in node.next_functions if f is not None]
    node = nexts[0] if nexts else None
print(type(out.grad_fn).__name__)
