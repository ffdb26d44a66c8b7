import torch
from torch import nn

model = nn.Linear(2, 1)
sd = model.state_dict()
del sd["bias"]
sd["extra"] = torch.zeros(1)
print(list(sd.keys()))
model.load_state_dict(sd)
