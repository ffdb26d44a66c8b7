import torch
# lerp wants `end` in the input's dtype (no promotion), as ATen checks
for a, b in [(torch.float32, torch.float64), (torch.float64, torch.float32), (torch.float32, torch.int64), (torch.int64, torch.int64)]:
    try:
        print(torch.lerp(torch.ones(2, dtype=a), torch.ones(2, dtype=b), 0.5))
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(torch.lerp(torch.ones(2, dtype=torch.float64), torch.zeros(2, dtype=torch.float64), 0.25))
torch.ones(2).lerp_(torch.ones(2, dtype=torch.float64), 0.5)
