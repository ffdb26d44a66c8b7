import torch

# a float that does not fit the integer dtype is an error, not a saturated value
for f in [lambda: torch.tensor([0.5, float('inf')], dtype=torch.int64),
          lambda: torch.tensor([1e30], dtype=torch.int64),
          lambda: torch.tensor([float('nan')], dtype=torch.int64),
          lambda: torch.tensor(-1e19, dtype=torch.int64),
          lambda: torch.tensor([1e30], dtype=torch.int32),
          lambda: torch.full((2,), float('inf'), dtype=torch.int64)]:
    try:
        print(f())
    except RuntimeError as e:
        print(e)
print(torch.tensor([2.5, -3.7], dtype=torch.int64), torch.tensor([2**53]))
