def __build_torch(torch, F, Parameter):
    import math

    class _IncompatibleKeys:
        __module__ = 'torch.nn.modules.module'

        def __init__(self, missing_keys, unexpected_keys):
            self.missing_keys = missing_keys
            self.unexpected_keys = unexpected_keys

        def __iter__(self):
            return iter((self.missing_keys, self.unexpected_keys))

        def __repr__(self):
            if not self.missing_keys and not self.unexpected_keys:
                return '<All keys matched successfully>'
            return f'_IncompatibleKeys(missing_keys={self.missing_keys!r}, unexpected_keys={self.unexpected_keys!r})'

    class Module:
        __module__ = 'torch.nn.modules.module'

        def __init__(self):
            self.training = True

        def __call__(self, *args, **kwargs):
            return self.forward(*args, **kwargs)

        def forward(self, *args, **kwargs):
            raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

        def _items(self):
            return list(self.__dict__.items())

        def named_children(self):
            return ((n, m) for n, m in self._items() if isinstance(m, Module))

        def children(self):
            return (m for n, m in self._items() if isinstance(m, Module))

        def named_modules(self, prefix=''):
            out = [(prefix, self)]
            for n, m in self._items():
                if isinstance(m, Module):
                    out.extend(m.named_modules(prefix + ('.' if prefix else '') + n))
            return (x for x in out)

        def modules(self):
            return (m for n, m in self.named_modules())

        def _named_parameters(self, prefix):
            out = []
            for n, v in self._items():
                if isinstance(v, Parameter):
                    out.append((prefix + n, v))
            for n, m in self._items():
                if isinstance(m, Module):
                    out.extend(m._named_parameters(prefix + n + '.'))
            return out

        def named_parameters(self, prefix='', recurse=True):
            seen = []
            out = []
            for n, p in self._named_parameters(prefix + ('.' if prefix else '')):
                if any(p is q for q in seen):
                    continue
                seen.append(p)
                out.append((n, p))
            return (x for x in out)

        def parameters(self, recurse=True):
            return (p for n, p in self.named_parameters())

        def state_dict(self, *, destination=None, prefix='', keep_vars=False):
            from collections import OrderedDict
            if destination is None:
                destination = OrderedDict()
            for n, p in self._named_parameters(prefix):
                destination[n] = p if keep_vars else p.detach()
            return destination

        def load_state_dict(self, state_dict, strict=True, assign=False):
            if not isinstance(state_dict, dict):
                raise TypeError(f'Expected state_dict to be dict-like, got {type(state_dict)}.')
            missing, errors, expected = [], [], []
            for key, param in self._named_parameters(''):
                expected.append(key)
                if key not in state_dict:
                    missing.append(key)
                    continue
                value = state_dict[key]
                if not isinstance(value, torch.Tensor):
                    errors.append(f'While copying the parameter named "{key}", expected torch.Tensor or Tensor-like object from checkpoint but received {type(value)}')
                elif value.shape != param.shape:
                    errors.append(f'size mismatch for {key}: copying a param with shape {value.shape} from checkpoint, the shape in current model is {param.shape}.')
                else:
                    with torch.no_grad():
                        param.copy_(value)
            unexpected = [k for k in state_dict if k not in expected]
            if strict:
                if unexpected:
                    errors.insert(0, 'Unexpected key(s) in state_dict: {}. '.format(', '.join(f'"{k}"' for k in unexpected)))
                if missing:
                    errors.insert(0, 'Missing key(s) in state_dict: {}. '.format(', '.join(f'"{k}"' for k in missing)))
            if errors:
                raise RuntimeError('Error(s) in loading state_dict for {}:\n\t{}'.format(type(self).__name__, '\n\t'.join(errors)))
            return _IncompatibleKeys(missing, unexpected)

        def zero_grad(self, set_to_none=True):
            for p in self.parameters():
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        p.grad.detach_()
                        p.grad.zero_()

        def train(self, mode=True):
            self.training = mode
            for m in self.children():
                m.train(mode)
            return self

        def eval(self):
            return self.train(False)

        def requires_grad_(self, requires_grad=True):
            for p in self.parameters():
                p.requires_grad_(requires_grad)
            return self

        def to(self, *args, **kwargs):
            return self

        def extra_repr(self):
            return ''

        def __repr__(self):
            extra = self.extra_repr()
            extra_lines = extra.split('\n') if extra else []
            child_lines = []
            for key, module in self._items():
                if isinstance(module, Module):
                    mod_str = repr(module)
                    lines = mod_str.split('\n')
                    if len(lines) > 1:
                        mod_str = lines[0] + '\n' + '\n'.join('  ' + l for l in lines[1:])
                    child_lines.append('(' + key + '): ' + mod_str)
            lines = extra_lines + child_lines
            main = type(self).__name__ + '('
            if lines:
                if len(extra_lines) == 1 and not child_lines:
                    main += extra_lines[0]
                else:
                    main += '\n  ' + '\n  '.join(lines) + '\n'
            return main + ')'

    class Linear(Module):
        __module__ = 'torch.nn.modules.linear'

        def __init__(self, in_features, out_features, bias=True):
            super().__init__()
            self.in_features = in_features
            self.out_features = out_features
            bound = 1 / math.sqrt(in_features) if in_features > 0 else 0
            self.weight = Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
            if bias:
                self.bias = Parameter(torch.empty(out_features).uniform_(-bound, bound))
            else:
                self.bias = None

        def forward(self, input):
            return F.linear(input, self.weight, self.bias)

        def extra_repr(self):
            return f'in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}'

    class Sequential(Module):
        __module__ = 'torch.nn.modules.container'

        def __init__(self, *mods):
            super().__init__()
            for i, m in enumerate(mods):
                setattr(self, str(i), m)

        def forward(self, input):
            for m in self.children():
                input = m(input)
            return input

        def __getitem__(self, i):
            mods = list(self.children())
            return mods[i]

        def __len__(self):
            return len(list(self.children()))

    class ModuleList(Module):
        __module__ = 'torch.nn.modules.container'

        def __init__(self, modules=None):
            super().__init__()
            if modules is not None:
                self.extend(modules)

        def append(self, module):
            setattr(self, str(len(self)), module)
            return self

        def extend(self, modules):
            for m in modules:
                self.append(m)
            return self

        def __getitem__(self, i):
            mods = list(self.children())
            if isinstance(i, slice):
                return ModuleList(mods[i])
            return mods[i]

        def __len__(self):
            return len(list(self.children()))

        def __iter__(self):
            return iter(list(self.children()))

        def __repr__(self):
            # torch's ModuleList.__repr__: runs of equal modules as "(0-2): 3 x ..."
            reprs = [repr(m) for m in self]
            if not reprs:
                return 'ModuleList()'
            runs = []
            for i, r in enumerate(reprs):
                if runs and runs[-1][2] == r:
                    runs[-1][1] = i
                else:
                    runs.append([i, i, r])
            lines = []
            for start, end, r in runs:
                if start == end:
                    line = f'({start}): {r}'
                else:
                    line = f'({start}-{end}): {end - start + 1} x {r}'
                parts = line.split('\n')
                lines.append('\n'.join([parts[0]] + ['  ' + l for l in parts[1:]]))
            return 'ModuleList(\n  ' + '\n  '.join(lines) + '\n)'

    def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
        # torch.nn.functional.normalize
        denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
        return input / denom

    def relu6(input, inplace=False):
        return F.hardtanh(input, 0.0, 6.0, inplace)

    class Hardtanh(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, min_val=-1.0, max_val=1.0, inplace=False):
            super().__init__()
            self.min_val = min_val
            self.max_val = max_val
            self.inplace = inplace

        def forward(self, input):
            return F.hardtanh(input, self.min_val, self.max_val, self.inplace)

        def extra_repr(self):
            return f'min_val={self.min_val}, max_val={self.max_val}' + (', inplace=True' if self.inplace else '')

    class ReLU6(Hardtanh):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, inplace=False):
            super().__init__(0.0, 6.0, inplace)

        def extra_repr(self):
            return 'inplace=True' if self.inplace else ''

    def outer(input, vec2):
        # ATen's outer: self.reshape({n, 1}) * vec2
        if input.dim() != 1:
            raise RuntimeError(f'outer: Expected 1-D argument self, but got {input.dim()}-D')
        if vec2.dim() != 1:
            raise RuntimeError(f'outer: Expected 1-D argument vec2, but got {vec2.dim()}-D')
        return input.reshape(input.shape[0], 1) * vec2

    def celu(input, alpha=1.0, inplace=False):
        return F._elem('celu_' if inplace else 'celu', input, alpha)

    def celu_(input, alpha=1.0):
        return F._elem('celu_', input, alpha)

    def selu_(input):
        return F._elem('selu_', input)

    def elu_(input, alpha=1.0):
        return F._elem('elu_', input, alpha)

    def threshold_(input, threshold, value):
        return F._elem('threshold_', input, threshold, value)

    def selu(input, inplace=False):
        return F._elem('selu_' if inplace else 'selu', input)

    def logsigmoid(input):
        return F._elem('logsigmoid', input)

    def hardswish(input, inplace=False):
        return F._elem('hardswish_' if inplace else 'hardswish', input)

    def hardsigmoid(input, inplace=False):
        return F._elem('hardsigmoid_' if inplace else 'hardsigmoid', input)

    def mish(input, inplace=False):
        return F._elem('mish_' if inplace else 'mish', input)

    def _threshold(input, threshold, value, inplace=False):
        return F._elem('threshold_' if inplace else 'threshold', input, threshold, value)

    def softsign(input):
        return input / (input.abs() + 1)

    def tanhshrink(input):
        return input - input.tanh()

    def xlogy(input, other):
        if not isinstance(input, torch.Tensor) and isinstance(other, torch.Tensor) and isinstance(input, (int, float)):
            return other._rxlogy(input)
        if not isinstance(input, torch.Tensor) or not isinstance(other, (torch.Tensor, int, float)):
            raise TypeError(f'xlogy() received an invalid combination of arguments - got ({type(input).__name__ if not isinstance(input, torch.Tensor) else "Tensor"}, {type(other).__name__ if not isinstance(other, torch.Tensor) else "Tensor"}), but expected one of:\n * (Tensor input, Tensor other, *, Tensor out = None)\n * (Number self, Tensor other, *, Tensor out = None)\n * (Tensor input, Number other, *, Tensor out = None)\n')
        return input.xlogy(other)

    def kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False):
        # torch.nn.functional.kl_div over ATen's kl_div, op for op
        if reduction == 'mean':
            F._elem('warn', "reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.")
        if reduction not in ('none', 'mean', 'sum', 'batchmean'):
            raise ValueError(f'{reduction} is not a valid value for reduction')
        if not input.is_floating_point() or not target.is_floating_point():
            raise RuntimeError('kl_div: Integral inputs not supported.')
        # GCC evaluates the right operand of ATen's `a - b` / `a * b` first: the graph's order
        if log_target:
            d = target - input
            out = torch.exp(target) * d
        else:
            m = target * input
            out = torch.xlogy(target, target) - m
        if reduction == 'mean':
            return out.mean()
        if reduction == 'none':
            return out
        out = out.sum()
        if reduction == 'batchmean' and input.dim() != 0:
            out = out / input.size()[0]
        return out

    class _ActInplace(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, inplace=False):
            super().__init__()
            self.inplace = inplace

        def extra_repr(self):
            return 'inplace=True' if self.inplace else ''

    class CELU(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, alpha=1.0, inplace=False):
            super().__init__(inplace)
            self.alpha = alpha

        def forward(self, input):
            return F.celu(input, self.alpha, self.inplace)

        def extra_repr(self):
            return f'alpha={self.alpha}' + (', inplace=True' if self.inplace else '')

    class SELU(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.selu(input, self.inplace)

    class Hardswish(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.hardswish(input, self.inplace)

        def extra_repr(self):
            return ''

    class Hardsigmoid(Hardswish):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.hardsigmoid(input, self.inplace)

    class Mish(Hardswish):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.mish(input, self.inplace)

    class Threshold(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, threshold, value, inplace=False):
            super().__init__(inplace)
            self.threshold = threshold
            self.value = value

        def forward(self, input):
            return F.threshold(input, self.threshold, self.value, self.inplace)

        def extra_repr(self):
            return f'threshold={self.threshold}, value={self.value}' + (', inplace=True' if self.inplace else '')

    class LogSigmoid(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.logsigmoid(input)

    class Softsign(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.softsign(input)

    class Tanhshrink(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.tanhshrink(input)

    class KLDivLoss(Module):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, size_average=None, reduce=None, reduction='mean', log_target=False):
            super().__init__()
            self.reduction = reduction
            self.log_target = log_target

        def forward(self, input, target):
            return F.kl_div(input, target, reduction=self.reduction, log_target=self.log_target)

    def einsum(*args):
        # ATen's einsum, in builtins/einsum.py, parsed on the first call
        from torch._einsum import einsum as impl
        return impl(*args)

    def dropout(input, p=0.5, training=True, inplace=False):
        if p < 0.0 or p > 1.0:
            raise ValueError(f'dropout probability has to be between 0 and 1, but got {p}')
        if not training or p == 0.0:
            return input
        if p == 1.0:
            return input * torch.zeros_like(input)
        raise NotImplementedError('dropout with 0 < p < 1 in training mode (a random mask) is not supported here; call model.eval() first')

    class Dropout(Module):
        __module__ = 'torch.nn.modules.dropout'

        def __init__(self, p=0.5, inplace=False):
            super().__init__()
            if p < 0 or p > 1:
                raise ValueError(f'dropout probability has to be between 0 and 1, but got {p}')
            self.p = p
            self.inplace = inplace

        def forward(self, input):
            return dropout(input, self.p, self.training, self.inplace)

        def extra_repr(self):
            return f'p={self.p}, inplace={self.inplace}'

    class ReLU(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.relu(input, inplace=self.inplace)

    class Sigmoid(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return torch.sigmoid(input)

    class Tanh(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return torch.tanh(input)

    class Identity(Module):
        __module__ = 'torch.nn.modules.linear'

        def forward(self, input):
            return input

    class Flatten(Module):
        __module__ = 'torch.nn.modules.flatten'

        def __init__(self, start_dim=1, end_dim=-1):
            super().__init__()
            self.start_dim = start_dim
            self.end_dim = end_dim

        def forward(self, input):
            return input.flatten(self.start_dim, self.end_dim)

        def extra_repr(self):
            return f'start_dim={self.start_dim}, end_dim={self.end_dim}'

    class Softmax(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, dim=None):
            super().__init__()
            self.dim = dim

        def forward(self, input):
            return F.softmax(input, self.dim)

        def extra_repr(self):
            return f'dim={self.dim}'

    class LogSoftmax(Softmax):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.log_softmax(input, self.dim)

    class MSELoss(Module):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, reduction='mean'):
            super().__init__()
            self.reduction = reduction

        def forward(self, input, target):
            return F.mse_loss(input, target, reduction=self.reduction)

    class CrossEntropyLoss(Module):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0):
            super().__init__()
            self.reduction = reduction
            self.ignore_index = ignore_index
            self.label_smoothing = label_smoothing

        def forward(self, input, target):
            return F.cross_entropy(input, target, reduction=self.reduction, ignore_index=self.ignore_index, label_smoothing=self.label_smoothing)

    class NLLLoss(CrossEntropyLoss):
        __module__ = 'torch.nn.modules.loss'

        def forward(self, input, target):
            return F.nll_loss(input, target, reduction=self.reduction, ignore_index=self.ignore_index)

    class _Act(Module):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return self._fn(input)

    class GELU(_Act):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, approximate='none'):
            super().__init__()
            self.approximate = approximate

        def _fn(self, x):
            return F.gelu(x, approximate=self.approximate)

        def extra_repr(self):
            return f"approximate='{self.approximate}'"

    class SiLU(_ActInplace):
        __module__ = 'torch.nn.modules.activation'

        def forward(self, input):
            return F.silu(input, inplace=self.inplace)

    class ELU(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, alpha=1.0, inplace=False):
            super().__init__()
            self.alpha = alpha
            self.inplace = inplace

        def forward(self, input):
            return F.elu(input, self.alpha, self.inplace)

        def extra_repr(self):
            return f'alpha={self.alpha}' + (', inplace=True' if self.inplace else '')

    class Softplus(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, beta=1.0, threshold=20.0):
            super().__init__()
            self.beta = beta
            self.threshold = threshold

        def forward(self, input):
            return F.softplus(input, self.beta, self.threshold)

        def extra_repr(self):
            return f'beta={self.beta}, threshold={self.threshold}'

    class LeakyReLU(Module):
        __module__ = 'torch.nn.modules.activation'

        def __init__(self, negative_slope=0.01, inplace=False):
            super().__init__()
            self.negative_slope = negative_slope
            self.inplace = inplace

        def forward(self, input):
            return F.leaky_relu(input, self.negative_slope, self.inplace)

        def extra_repr(self):
            return f'negative_slope={self.negative_slope}' + (', inplace=True' if self.inplace else '')

    class _Loss(Module):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, reduction='mean'):
            super().__init__()
            self.reduction = reduction

    class L1Loss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def forward(self, input, target):
            return F.l1_loss(input, target, reduction=self.reduction)

    class BCELoss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def forward(self, input, target):
            return F.binary_cross_entropy(input, target, reduction=self.reduction)

    class BCEWithLogitsLoss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def forward(self, input, target):
            return F.binary_cross_entropy_with_logits(input, target, reduction=self.reduction)

    class SmoothL1Loss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, reduction='mean', beta=1.0):
            super().__init__(reduction)
            self.beta = beta

        def forward(self, input, target):
            return F.smooth_l1_loss(input, target, reduction=self.reduction, beta=self.beta)

    class SoftMarginLoss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def forward(self, input, target):
            return F.soft_margin_loss(input, target, reduction=self.reduction)

    class HuberLoss(_Loss):
        __module__ = 'torch.nn.modules.loss'

        def __init__(self, reduction='mean', delta=1.0):
            super().__init__(reduction)
            self.delta = delta

        def forward(self, input, target):
            return F.huber_loss(input, target, reduction=self.reduction, delta=self.delta)

    class Optimizer:
        __module__ = 'torch.optim.optimizer'

        def __init__(self, params, defaults):
            self.defaults = defaults
            self.state = {}
            params = list(params)
            if len(params) == 0:
                raise ValueError('optimizer got an empty parameter list')
            if not isinstance(params[0], dict):
                params = [{'params': params}]
            self.param_groups = []
            for g in params:
                group = dict(defaults)
                group.update(g)
                group['params'] = list(group['params'])
                self.param_groups.append(group)

        def zero_grad(self, set_to_none=True):
            for group in self.param_groups:
                for p in group['params']:
                    if p.grad is not None:
                        if set_to_none:
                            p.grad = None
                        else:
                            p.grad.detach_()
                            p.grad.zero_()

        def __repr__(self):
            s = type(self).__name__ + ' ('
            for i, group in enumerate(self.param_groups):
                s += '\nParameter Group ' + str(i)
                for key in sorted(group.keys()):
                    if key != 'params':
                        s += '\n    ' + key + ': ' + str(group[key])
            return s + '\n)'

    class SGD(Optimizer):
        __module__ = 'torch.optim.sgd'

        def __init__(self, params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False, foreach=None, differentiable=False, fused=None):
            if lr < 0.0:
                raise ValueError(f'Invalid learning rate: {lr}')
            super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay, nesterov=nesterov, maximize=maximize, foreach=foreach, differentiable=differentiable, fused=fused))

        def step(self, closure=None):
            with torch.no_grad():
                for group in self.param_groups:
                    lr = group['lr']
                    momentum = group['momentum']
                    for p in group['params']:
                        if p.grad is None:
                            continue
                        d_p = p.grad if not group['maximize'] else -p.grad
                        if group['weight_decay'] != 0:
                            d_p = d_p.add(p, alpha=group['weight_decay'])
                        if momentum != 0:
                            key = id(p)
                            buf = self.state.get(key)
                            if buf is None:
                                buf = d_p.clone().detach()
                                self.state[key] = buf
                            else:
                                buf.mul_(momentum).add_(d_p, alpha=1 - group['dampening'])
                            if group['nesterov']:
                                d_p = d_p.add(buf, alpha=momentum)
                            else:
                                d_p = buf
                        p.add_(d_p, alpha=-lr)
            return None

    class Adam(Optimizer):
        __module__ = 'torch.optim.adam'

        def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0, amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False, fused=None, decoupled_weight_decay=False):
            if lr < 0.0:
                raise ValueError(f'Invalid learning rate: {lr}')
            super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, foreach=foreach, maximize=maximize, capturable=capturable, differentiable=differentiable, fused=fused, decoupled_weight_decay=decoupled_weight_decay))

        def step(self, closure=None):
            with torch.no_grad():
                for group in self.param_groups:
                    beta1, beta2 = group['betas']
                    for p in group['params']:
                        if p.grad is None:
                            continue
                        grad = p.grad if not group['maximize'] else -p.grad
                        if group['weight_decay'] != 0:
                            if group['decoupled_weight_decay']:
                                p.mul_(1 - group['lr'] * group['weight_decay'])
                            else:
                                grad = grad.add(p, alpha=group['weight_decay'])
                        key = id(p)
                        st = self.state.get(key)
                        if st is None:
                            st = {'step': 0, 'exp_avg': torch.zeros_like(p), 'exp_avg_sq': torch.zeros_like(p)}
                            if group['amsgrad']:
                                st['max_exp_avg_sq'] = torch.zeros_like(p)
                            self.state[key] = st
                        st['step'] += 1
                        step = st['step']
                        exp_avg = st['exp_avg']
                        exp_avg_sq = st['exp_avg_sq']
                        # torch.optim.adam._single_tensor_adam, step for step
                        exp_avg.lerp_(grad, 1 - beta1)
                        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
                        bias_correction1 = 1 - beta1 ** step
                        bias_correction2 = 1 - beta2 ** step
                        step_size = group['lr'] / bias_correction1
                        if group['amsgrad']:
                            st['max_exp_avg_sq'] = torch.maximum(st['max_exp_avg_sq'], exp_avg_sq)
                            exp_avg_sq = st['max_exp_avg_sq']
                        denom = (exp_avg_sq.sqrt() / bias_correction2 ** 0.5).add_(group['eps'])
                        p.addcdiv_(exp_avg, denom, value=-step_size)
            return None

    class AdamW(Adam):
        __module__ = 'torch.optim.adamw'

        def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01, amsgrad=False, *, maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
            super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad, foreach=foreach, maximize=maximize, capturable=capturable, differentiable=differentiable, fused=fused, decoupled_weight_decay=True)

    # ---- nn.Embedding, F.embedding (torch/nn/modules/sparse.py, torch/nn/functional.py) ----
    def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
        if padding_idx is not None:
            if padding_idx > 0:
                assert padding_idx < weight.size(0), 'Padding_idx must be within num_embeddings'
            elif padding_idx < 0:
                assert padding_idx >= -weight.size(0), 'Padding_idx must be within num_embeddings'
                padding_idx = weight.size(0) + padding_idx
        else:
            padding_idx = -1
        if scale_grad_by_freq or sparse:
            raise NotImplementedError('embedding with scale_grad_by_freq=True or sparse=True is not supported here')
        if max_norm is not None:
            with torch.no_grad():
                for i in sorted(set(input.flatten().tolist())):
                    norm = weight[i].norm(norm_type).item()
                    if norm > max_norm:
                        weight[i] *= max_norm / (norm + 1e-07)
        return torch.embedding(weight, input, padding_idx, scale_grad_by_freq, sparse)

    class Embedding(Module):
        __module__ = 'torch.nn.modules.sparse'

        def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, device=None, dtype=None):
            super().__init__()
            self.num_embeddings = num_embeddings
            self.embedding_dim = embedding_dim
            if padding_idx is not None:
                if padding_idx > 0:
                    assert padding_idx < self.num_embeddings, 'Padding_idx must be within num_embeddings'
                elif padding_idx < 0:
                    assert padding_idx >= -self.num_embeddings, 'Padding_idx must be within num_embeddings'
                    padding_idx = self.num_embeddings + padding_idx
            self.padding_idx = padding_idx
            self.max_norm = max_norm
            self.norm_type = norm_type
            self.scale_grad_by_freq = scale_grad_by_freq
            if _weight is None:
                self.weight = Parameter(torch.empty((num_embeddings, embedding_dim), dtype=dtype), requires_grad=not _freeze)
                self.reset_parameters()
            else:
                assert list(_weight.shape) == [num_embeddings, embedding_dim], 'Shape of weight does not match num_embeddings and embedding_dim'
                self.weight = Parameter(_weight, requires_grad=not _freeze)
            self.sparse = sparse

        def reset_parameters(self):
            with torch.no_grad():
                self.weight.normal_()
                if self.padding_idx is not None:
                    self.weight[self.padding_idx].fill_(0)

        def forward(self, input):
            return embedding(input, self.weight, self.padding_idx, self.max_norm, self.norm_type, self.scale_grad_by_freq, self.sparse)

        def extra_repr(self):
            s = f'{self.num_embeddings}, {self.embedding_dim}'
            if self.padding_idx is not None:
                s += f', padding_idx={self.padding_idx}'
            if self.max_norm is not None:
                s += f', max_norm={self.max_norm}'
            if self.norm_type != 2:
                s += f', norm_type={self.norm_type}'
            if self.scale_grad_by_freq is not False:
                s += f', scale_grad_by_freq={self.scale_grad_by_freq}'
            if self.sparse is not False:
                s += ', sparse=True'
            return s

        @classmethod
        def from_pretrained(cls, embeddings, freeze=True, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False):
            assert embeddings.dim() == 2, 'Embeddings parameter is expected to be 2-dimensional'
            rows, cols = embeddings.shape
            return cls(num_embeddings=rows, embedding_dim=cols, _weight=embeddings, _freeze=freeze, padding_idx=padding_idx, max_norm=max_norm, norm_type=norm_type, scale_grad_by_freq=scale_grad_by_freq, sparse=sparse)

    return {
        'nn.Embedding': Embedding, 'F.embedding': embedding,
        'nn.Module': Module, 'nn.Linear': Linear, 'nn.Sequential': Sequential, 'nn.ReLU': ReLU,
        'nn.Sigmoid': Sigmoid, 'nn.Tanh': Tanh, 'nn.Identity': Identity, 'nn.Flatten': Flatten,
        'nn.Softmax': Softmax, 'nn.LogSoftmax': LogSoftmax, 'nn.MSELoss': MSELoss,
        'nn.CrossEntropyLoss': CrossEntropyLoss, 'nn.NLLLoss': NLLLoss,
        'nn.GELU': GELU, 'nn.SiLU': SiLU, 'nn.ELU': ELU, 'nn.Softplus': Softplus,
        'nn.LeakyReLU': LeakyReLU, 'nn.L1Loss': L1Loss, 'nn.BCELoss': BCELoss,
        'nn.BCEWithLogitsLoss': BCEWithLogitsLoss, 'nn.SmoothL1Loss': SmoothL1Loss,
        'nn.HuberLoss': HuberLoss, 'nn.SoftMarginLoss': SoftMarginLoss, 'nn.ModuleList': ModuleList, 'nn.Dropout': Dropout,
        'F.dropout': dropout, 'F.normalize': normalize, 'F.relu6': relu6, 'nn.Hardtanh': Hardtanh, 'nn.ReLU6': ReLU6, 'outer': outer, 'ger': outer,
        'F.celu': celu, 'F.selu': selu, 'F.logsigmoid': logsigmoid, 'F.hardswish': hardswish,
        'F.hardsigmoid': hardsigmoid, 'F.mish': mish, 'F.threshold': _threshold, 'F.softsign': softsign,
        'F.tanhshrink': tanhshrink, 'F.kl_div': kl_div, 'celu': celu, 'selu': selu, 'xlogy': xlogy,
        'F.celu_': celu_, 'F.selu_': selu_, 'F.elu_': elu_, 'F.threshold_': threshold_, 'celu_': celu_,
        'selu_': selu_, 'threshold_': threshold_, 'threshold': _threshold,
        'nn.CELU': CELU, 'nn.SELU': SELU, 'nn.Hardswish': Hardswish, 'nn.Hardsigmoid': Hardsigmoid,
        'nn.Mish': Mish, 'nn.Threshold': Threshold, 'nn.LogSigmoid': LogSigmoid, 'nn.Softsign': Softsign,
        'nn.Tanhshrink': Tanhshrink, 'nn.KLDivLoss': KLDivLoss, 'einsum': einsum,
        'optim.Optimizer': Optimizer, 'optim.SGD': SGD, 'optim.Adam': Adam, 'optim.AdamW': AdamW,
    }
