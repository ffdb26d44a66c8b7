from __future__ import print_function
import torch

x1 = torch.ones(3, 3)
x2 = torch.ones(2, 2, requires_grad=True)
print(x1, '\n', x2)

'''
tensor([[1., 1., 1.],
        [1., 1., 1.],
        [1., 1., 1.]]) 
 tensor([[1., 1.],
        [1., 1.]], requires_grad=True)
'''

y = x2 + 2
print(y)
print(x1.grad_fn, '\n', y.grad_fn)

'''
tensor([[3., 3.],
        [3., 3.]], grad_fn=<AddBackward0>)
None 
 <AddBackward0 object at 0x0000020CC93A7F70>
'''

z = y * y * 3
out = z.mean()
print(z, out)

'''
tensor([[27., 27.],
        [27., 27.]], grad_fn=<MulBackward0>) tensor(27., grad_fn=<MeanBackward0>)
'''

a = torch.ones(2, 2)
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)

'''
False
True
'''

out.backward()
print(x2.grad)

'''
tensor([[4.5000, 4.5000],
        [4.5000, 4.5000]])
'''

print(x.requires_grad)
print((x ** 2).equires_grad)

with torch.no_grad():
    print((x ** 2).requires_grad)

'''
True
True
False
'''

print(x.requires_grad)
y = x.detach()
print(y,requires_grad)
print(x.eq(y).all)

'''
True
False
tensor(True)
'''
