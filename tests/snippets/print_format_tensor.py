# format() of tensors: a 0-d tensor formats as its item() (Tensor.__format__), so f"{loss}"
# prints a plain number and integer specs work on integer tensors; other tensors format as
# their str() with an empty spec and raise TypeError with any other.
import torch
from torch import nn

x = torch.tensor(1.23456)
print(f"{x}", f"{x:.4f}", "{:.2f}".format(x), format(x, ".3f"), f"{x!r}", str(x))
i = torch.tensor(3)
print(f"{i}", f"{i:03d}", f"{i:x}", f"{i:.1f}")
b = torch.tensor(True)
print(f"{b}", f"{b:d}")
w = torch.tensor(2.0, requires_grad=True)
loss = (w * 3) ** 2
print(f"loss {loss}, {loss:.2f}")
y = torch.tensor([1.0, 2.0])
print(f"{y}", "{}".format(y))
for spec in [".2f", "d", ">10"]:
    try:
        print(format(torch.tensor([1.5]), spec))
    except TypeError as e:
        print("TypeError:", e)
p = nn.Parameter(torch.tensor(0.5))
print(f"{p}")
try:
    print(f"{p:.2f}")
except TypeError as e:
    print("TypeError:", e)
