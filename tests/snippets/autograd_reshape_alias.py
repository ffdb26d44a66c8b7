import torch
# reshape: a view of a contiguous tensor (ViewBackward0), of a non-contiguous one without a copy
# (ReshapeAliasBackward0), else a copy (UnsafeViewBackward0)
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
for r in [x.reshape(3, 2), x.t().reshape(3, 2), x.t().reshape(3, 1, 2), x.t().reshape(6), x.t().unsqueeze(0).reshape(3, 2)]:
    print(r.grad_fn, r.grad_fn.next_functions)
    r.backward(torch.arange(6.).reshape(r.shape))
    print(x.grad)
    x.grad = None
