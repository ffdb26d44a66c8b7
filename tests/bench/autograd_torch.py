# The measurements of `crates/autograd/examples/bench.rs`, in PyTorch eager on the CPU with one
# thread; run by `cargo xtask bench autograd` (TORCH_PYTHON, default python3). Same names, units
# and method (median of 7 trials) as the Rust example; prints `BENCH <name> <value> <unit>`.
import statistics
import time

import torch

torch.set_num_threads(1)
TRIALS = 7


def median_per_call(reps, f):
    for _ in range(-(-reps // 10)):
        f()
    times = []
    for _ in range(TRIALS):
        t = time.perf_counter()
        for _ in range(reps):
            f()
        times.append((time.perf_counter() - t) / reps)
    return statistics.median(times)


def report(name, what, value, unit):
    print(f"{what}: {value:.3f} {unit}")
    print(f"BENCH {name} {value:.6f} {unit}")


torch.manual_seed(0)
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[5.0, 6.0], [7.0, 8.0]])
OPS = 100_000
report("add_2x2", "tiny add 2x2 (no grad)", median_per_call(OPS, lambda: a.add(b)) * 1e6, "us")
report("mul_2x2", "tiny mul 2x2 (no grad)", median_per_call(OPS, lambda: a.mul(b)) * 1e6, "us")
ga = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
report(
    "add_2x2_grad",
    "tiny add 2x2 (requires_grad, records AddBackward0)",
    median_per_call(OPS, lambda: ga.add(b)) * 1e6,
    "us",
)
report(
    "mul_2x2_grad",
    "tiny mul 2x2 (requires_grad, records MulBackward0)",
    median_per_call(OPS, lambda: ga.mul(b)) * 1e6,
    "us",
)
# Python's own share of the figures above: the loop and the lambda call, no torch work.
report("python_loop_overhead", "python loop + lambda call (no op)", median_per_call(OPS, lambda: None) * 1e6, "us")

x = torch.randn(256, 256)
y = torch.randn(256, 256)
report("matmul_256", "256x256 float32 matmul", median_per_call(20, lambda: x.mm(y)) * 1e3, "ms")

times = []
for _ in range(TRIALS):
    leaf = torch.tensor([1.0], requires_grad=True)
    z = leaf
    for _ in range(10_000):
        z = z * 1.0
    s = z.sum()
    t = time.perf_counter()
    s.backward()
    times.append(time.perf_counter() - t)
    del s, z
report("backward_chain_10000", "backward through a 10,000-node chain", statistics.median(times) * 1e3, "ms")
