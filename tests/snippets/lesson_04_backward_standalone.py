import torch

out.backward()
print(x2.grad)

'''
tensor([[4.5000, 4.5000],
        [4.5000, 4.5000]])
'''
