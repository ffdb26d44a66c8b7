import torch

for i in range(3):
    print("step", i)
    if i == 2:
        raise RuntimeError("stopped at step 2")
