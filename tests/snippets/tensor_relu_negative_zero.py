import torch
import torch.nn.functional as F

# relu is clamp_min(x, 0) in ATen: -0. stays -0., NaN stays NaN
x = torch.tensor([-0.0, 0.0, -1.0, 2.0, float('nan')], requires_grad=True)
r = torch.relu(x)
print(r, F.relu(x), torch.relu(torch.tensor([-0.0], dtype=torch.float64)))
r.backward(torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0]))
print(x.grad)
