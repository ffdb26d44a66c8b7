import torch

x = torch.ones(2, requires_grad=True)
c = torch.ones(2)
y = x * 2 + c
print(y.grad_fn)
print(y.grad_fn.next_functions)
print(y.grad_fn.next_functions[0][0].next_functions)
acc = y.grad_fn.next_functions[0][0].next_functions[0][0]
print(type(acc).__name__)
print(acc.variable is x)
print(x.grad_fn)
