import torch

# Random numbers: bit-exact RNG is a stretch goal for the interpreter.
torch.manual_seed(0)
print(torch.randn(3))
print(torch.rand(2, 2))
torch.manual_seed(0)
a = torch.randn(3)
torch.manual_seed(0)
print(torch.equal(a, torch.randn(3)))
