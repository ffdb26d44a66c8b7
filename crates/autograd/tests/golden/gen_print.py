"""Regenerates print_cases.txt from real PyTorch: python gen_print.py > print_cases.txt

Each case: a header line `=== <dtype> <shape comma-separated or -> <requires_grad 0/1>`,
a `values:` line with the exact element values (Python float repr), then the repr
PyTorch prints, up to the next `===` line.
"""
import math
import torch

torch.manual_seed(0)
cases = []


def add(t, rg=False):
    if rg:
        t = t.detach().requires_grad_(True)
    cases.append(t)


F = torch.float32
D = torch.float64
L = torch.int64
B = torch.bool

# scalars
for v in [1.0, 1.5, -0.0, 0.0, float("nan"), float("inf"), -float("inf"), 1e-5, 123456789.0,
          0.1, 100000.0, 1e8, 1e9, -2.5, 1 / 3]:
    add(torch.tensor(v))
add(torch.tensor(3))
add(torch.tensor(-7))
add(torch.tensor(True))
add(torch.tensor(2.5, dtype=D))
add(torch.tensor(1.0), rg=True)
# vectors
for data in [[1.0, 2.0, 3.0], [1.5, 2.25], [0.1, 0.2, 0.3], [1e-5, 1.0], [1e10, 1.0], [1.0, 1e4],
             [1.0, 999.0], [1.0, 1001.0], [float("nan"), 1.0, float("inf")], [-0.0, 0.0],
             [float("nan"), float("-inf")], [0.0, 0.0], [1e-4, 1.0], [0.00011, 0.5],
             [-1.0, 2.0, -3.5], [123456.789, 1.0], [1e-10, 5.0], [1e8, 1.0], [1.1e8, 1.0],
             [0.5, float("nan")], [3.0, float("nan")], [1e-3, 1e-2], [12345.678, 0.001]]:
    add(torch.tensor(data))
add(torch.tensor([1, -20, 300]))
add(torch.tensor([True, False]))
add(torch.tensor([1.0, 2.0], dtype=D))
add(torch.tensor([0.1, 0.25], dtype=D))
add(torch.tensor([1.0, 2.0, 3.0]), rg=True)
add(torch.tensor([1.0, 2.0], dtype=D), rg=True)
add(torch.tensor([123456789012, -5, 0]))
add(torch.tensor([1e-300, 1.0], dtype=D))
add(torch.tensor([-0.0, 2.5], dtype=D))
add(torch.tensor([1e20, -1e-20], dtype=D))
add(torch.tensor([0.1, 0.2, 0.3], dtype=D) * 3)
add(torch.tensor([float("inf"), -float("inf"), float("nan"), 1.5]))
add(torch.tensor([1e5, 2e5]))
add(torch.tensor([99999.5, 1.0]))
add(torch.tensor([-1e-5, 1e-5]))
add(torch.tensor([5.0e-5]))
add(torch.tensor([[True], [False]]))
add(torch.tensor(-0.5, dtype=D), rg=True)
# wrapping
add(torch.arange(30.0))
add(torch.arange(40))
add(torch.randn(50))
add(torch.linspace(0, 1, 25))
add(torch.randn(30) * 1000)
add(torch.randn(25) * 1e-5)
add(torch.randn(30, dtype=D), rg=True)
# matrices
add(torch.randn(3, 4))
add(torch.randn(2, 3, 4))
add(torch.randn(2, 2, 2, 2))
add(torch.arange(12).reshape(3, 4))
add(torch.tensor([[True, False], [False, True]]))
add(torch.randn(3, 30))
add(torch.eye(3))
add(torch.randn(2, 3), rg=True)
add(torch.randn(4, 4) * 100)
add(torch.tensor([[1.0, -1.0], [1e-6, 3.0]]))
# summarised
add(torch.arange(2000))
add(torch.arange(2000.0))
add(torch.randn(1001))
add(torch.randn(40, 40))
add(torch.randn(5, 300))
add(torch.randn(10, 10, 20))
add(torch.randn(2, 600), rg=True)
add(torch.arange(1500.0).reshape(3, 500) / 7)
# many dims
add(torch.ones([1] * 70))
add(torch.arange(2048.0).reshape([2] * 11))
add(torch.randn(1, 3, 1, 2), rg=True)
# empty
add(torch.zeros(0))
add(torch.zeros(0, 3))
add(torch.zeros(2, 0, 3))
add(torch.zeros(0, dtype=L))
add(torch.zeros(0, 2, dtype=D))
add(torch.zeros(0, dtype=B))
add(torch.zeros(0), rg=True)

for t in cases:
    shape = ",".join(str(d) for d in t.shape) or "-"
    dt = str(t.dtype).replace("torch.", "")
    print(f"=== {dt} {shape} {int(t.requires_grad)}")
    vals = t.detach().reshape(-1).tolist()
    print("values: " + " ".join(repr(float(v)) for v in vals))
    print(repr(t))
print("=== end")
