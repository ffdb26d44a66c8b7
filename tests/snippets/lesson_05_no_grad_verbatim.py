import torch

print(x.requires_grad)
print((x ** 2).equires_grad)

with torch.no_grad():
    print((x ** 2).requires_grad)

'''
True
True
False
'''
