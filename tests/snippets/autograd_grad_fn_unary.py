import torch

x = torch.tensor([0.5, 1.0], requires_grad=True)
for name, y in [('exp', x.exp()), ('log', x.log()), ('sin', x.sin()), ('cos', x.cos()),
                ('tanh', x.tanh()), ('sigmoid', x.sigmoid()), ('relu', x.relu()),
                ('sqrt', x.sqrt()), ('abs', x.abs())]:
    print(name, y)
