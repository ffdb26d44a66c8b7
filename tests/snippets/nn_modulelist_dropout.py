import torch
import torch.nn as nn
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
        self.layers.append(nn.ReLU())
        self.drop = nn.Dropout(0.2)
    def forward(self, x):
        for l in self.layers:
            x = l(x)
        return self.drop(x)
m = M()
print(m)
print(len(m.layers), len(list(m.parameters())), [n for n, _ in m.named_parameters()][:2])
print(m.layers[0], type(m.layers[1:]).__name__)
m.eval()
print(m.training, m.drop.training, m(torch.ones(1, 2)).shape)
print(nn.Dropout(0.0)(torch.ones(2)), nn.ModuleList())
print(torch.nn.functional.dropout(torch.ones(2), 0.5, training=False))
