import torch

x = torch.tensor([1.0, 2.0])
if x.sum() > 2:
    print("scalar comparison is fine")
if x > 1:
    print("not reached")
