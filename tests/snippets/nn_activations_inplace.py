import torch
import torch.nn.functional as F
# in-place activations: elu_/celu_/selu_ save their result (EluBackward1, CeluBackward1), threshold_ its input (ThresholdBackward1)
x = torch.tensor([-1.5, -0.2, 0.0, 0.4, 2.0], requires_grad=True)
for n, f in [('celu_', lambda y: F.celu_(y, 0.7)), ('celu inplace', lambda y: F.celu(y, 0.7, True)), ('selu_', F.selu_),
             ('selu inplace', lambda y: F.selu(y, inplace=True)), ('elu_', lambda y: F.elu_(y, 0.5)), ('threshold_', lambda y: F.threshold_(y, 0.1, 0.5)),
             ('threshold_ low', lambda y: F.threshold(y, 0.1, -3.0, True)), ('torch.selu_', torch.selu_), ('torch.celu_', torch.celu_),
             ('torch.threshold', lambda y: torch.threshold(y, 0.0, 2.0)), ('mish inplace', lambda y: F.mish(y, True)),
             ('logit_', lambda y: y.sigmoid_().logit_(0.1)), ('nn.CELU(inplace)', torch.nn.CELU(0.5, inplace=True)),
             ('nn.Threshold(inplace)', torch.nn.Threshold(0.0, 1.0, inplace=True)), ('nn.SELU(True)', torch.nn.SELU(True))]:
    y = x * 1
    r = f(y)
    print(n, r is y, y, [k for k in ['_saved_self', '_saved_result'] if hasattr(y.grad_fn, k)])
    y.backward(torch.tensor([1.0, -2.0, 0.5, 3.0, -1.0]))
    print(' ', x.grad)
    x.grad = None
