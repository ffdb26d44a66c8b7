import torch
# mv with mixed dtypes fails in addmv, naming (result, mat, vec) dtypes
for a, b in [(torch.float64, torch.float32), (torch.float32, torch.float64), (torch.float32, torch.int64), (torch.int64, torch.float32)]:
    m = torch.ones(2, 3, dtype=a); v = torch.ones(3, dtype=b)
    try:
        m.mv(v)
    except RuntimeError as e:
        print(e)
    try:
        m @ v
    except RuntimeError as e:
        print(e)
    try:
        torch.mv(m, v)
    except RuntimeError as e:
        print(e)
