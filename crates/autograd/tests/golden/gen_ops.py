"""Regenerates ops_cases.txt from real PyTorch: python gen_ops.py > ops_cases.txt

For every named case the same inputs are built, the op is applied, and the result's repr,
grad_fn name, next_functions and the gradients of out.sum() w.r.t. each input are printed.
tests/ops_golden.rs holds the same table in Rust.
"""
import torch
import torch.nn.functional as F

A = [[0.5, -1.25, 2.0], [1.5, 0.75, -0.5]]
B = [[1.0, 2.0, -0.5], [0.25, -1.5, 3.0]]
P = [[0.5, 1.25, 2.0], [1.5, 0.75, 3.5]]
V = [1.0, -2.0, 0.5]
M = [[1.0, 0.5], [-1.0, 2.0], [0.25, 1.5]]
T3 = [[[(i * 6 + j * 2 + k) * 0.25 - 1 for k in range(2)] for j in range(3)] for i in range(2)]
X33 = [[1.0, -2.0, 3.0], [0.5, 5.0, -6.0], [7.0, 0.25, 9.0]]
Q = [[0.2, 0.7, 0.9], [0.4, 0.55, 0.1]]
T01 = [[0.0, 1.0, 1.0], [0.0, 1.0, 0.0]]
BIAS2 = [0.5, -1.0]
T3b = [[[(i * 4 + j * 2 + k) * 0.5 - 1.5 for k in range(2)] for j in range(2)] for i in range(2)]


def leaf(d):
    return torch.tensor(d, requires_grad=True)


CASES = {
    "add": (lambda a, b: a + b, [A, B]),
    "add_bcast": (lambda a, v: a + v, [A, V]),
    "add_scalar": (lambda a: a + 2, [A]),
    "radd_scalar": (lambda a: 2 + a, [A]),
    "sub": (lambda a, b: a - b, [A, B]),
    "sub_scalar": (lambda a: a - 2, [A]),
    "rsub_scalar": (lambda a: 2 - a, [A]),
    "mul": (lambda a, b: a * b, [A, B]),
    "mul_bcast": (lambda a, v: a * v, [A, V]),
    "mul_scalar": (lambda a: a * 3, [A]),
    "div": (lambda a, b: a / b, [A, B]),
    "div_scalar": (lambda a: a / 4, [A]),
    "rdiv_scalar": (lambda a: 2 / a, [A]),
    "neg": (lambda a: -a, [A]),
    "pow_scalar": (lambda a: a ** 2, [A]),
    "pow_half": (lambda p: p ** 0.5, [P]),
    "rpow": (lambda a: 2 ** a, [A]),
    "pow_tensor": (lambda p, b: p ** b, [P, B]),
    "exp": (lambda a: a.exp(), [A]),
    "log": (lambda p: p.log(), [P]),
    "sqrt": (lambda p: p.sqrt(), [P]),
    "abs": (lambda a: a.abs(), [A]),
    "sin": (lambda a: a.sin(), [A]),
    "cos": (lambda a: a.cos(), [A]),
    "tanh": (lambda a: a.tanh(), [A]),
    "sigmoid": (lambda a: a.sigmoid(), [A]),
    "relu": (lambda a: a.relu(), [A]),
    "clamp": (lambda a: a.clamp(-1, 1), [A]),
    "clamp_min": (lambda a: a.clamp(min=0), [A]),
    "clamp_max": (lambda a: a.clamp(max=1), [A]),
    "sum": (lambda a: a.sum(), [A]),
    "sum_dim": (lambda a: a.sum(0), [A]),
    "sum_dim_keep": (lambda a: a.sum(1, keepdim=True), [A]),
    "mean": (lambda a: a.mean(), [A]),
    "mean_dim": (lambda a: a.mean(1), [A]),
    "max": (lambda a: a.max(), [A]),
    "min": (lambda a: a.min(), [A]),
    "max_dim": (lambda a: a.max(1)[0], [A]),
    "min_dim_keep": (lambda a: a.min(0, keepdim=True)[0], [A]),
    "mm": (lambda a, m: a.mm(m), [A, M]),
    "mv": (lambda a, v: a.mv(v), [A, V]),
    "dot": (lambda v, w: v.dot(w), [V, V]),
    "matmul_2_2": (lambda a, m: a @ m, [A, M]),
    "matmul_1_2": (lambda v, m: v @ m, [V, M]),
    "matmul_2_1": (lambda a, v: a @ v, [A, V]),
    "matmul_3_2": (lambda t, m: t @ m, [T3, [[1.0, 2.0], [0.5, -1.0]]]),
    "matmul_3_3": (lambda t, u: t @ u, [T3, T3b[:1] * 2]),
    "bmm": (lambda t, u: t.bmm(u), [T3, T3b]),
    "softmax": (lambda a: a.softmax(1), [A]),
    "log_softmax": (lambda a: a.log_softmax(0), [A]),
    "mse_loss": (lambda a, b: F.mse_loss(a, b), [A, B]),
    "mse_loss_sum": (lambda a, b: F.mse_loss(a, b, reduction="sum"), [A, B]),
    "cat": (lambda a, b: torch.cat([a, b]), [A, B]),
    "cat1": (lambda a, b: torch.cat([a, b], 1), [A, B]),
    "stack": (lambda a, b: torch.stack([a, b]), [A, B]),
    "stack1": (lambda a, b: torch.stack([a, b], 1), [A, B]),
    "clone": (lambda a: a.clone(), [A]),
    "view": (lambda a: a.view(3, 2), [A]),
    "view_infer": (lambda a: a.view(-1), [A]),
    "reshape_noncontig": (lambda a: a.t().reshape(6), [A]),
    "t": (lambda a: a.t(), [A]),
    "transpose": (lambda t: t.transpose(0, 2), [T3]),
    "permute": (lambda t: t.permute(2, 0, 1), [T3]),
    "unsqueeze": (lambda a: a.unsqueeze(1), [A]),
    "squeeze": (lambda a: a.unsqueeze(0).squeeze(), [A]),
    "squeeze_dim": (lambda a: a.unsqueeze(0).squeeze(0), [A]),
    "expand": (lambda v: v.expand(2, 3), [V]),
    "select": (lambda a: a[1], [A]),
    "select_neg": (lambda a: a[:, -1], [A]),
    "slice": (lambda a: a[:, 1:], [A]),
    "slice_step": (lambda v: v[::2], [V]),
    "index_tensor": (lambda a: a[torch.tensor([1, 0, 1])], [A]),
    "index_mask": (lambda a: a[a > 0], [A]),
    "index_none": (lambda v: v[None], [V]),
    "flatten": (lambda t: t.flatten(), [T3]),
    "contiguous": (lambda a: a.t().contiguous(), [A]),
    "double": (lambda a: a.double(), [A]),
    "where": (lambda a, b: torch.where(a > 0, a, b), [A, B]),
    "masked_fill": (lambda a: a.masked_fill(a < 0, 0.0), [A]),
    "chain": (lambda a, b: ((a * b).exp() + a.sin()).mean(), [A, B]),
    "square_sum": (lambda a: (a * a).sum(1).sqrt(), [A]),
    "log1p": (lambda p: p.log1p(), [P]),
    "log2": (lambda p: p.log2(), [P]),
    "floor": (lambda a: a.floor(), [A]),
    "round": (lambda a: (a * 2).round(), [A]),
    "maximum": (lambda a, b: torch.maximum(a, b), [A, B]),
    "minimum": (lambda a, b: torch.minimum(a, b), [A, B]),
    "prod": (lambda a: a.prod(), [A]),
    "var": (lambda a: a.var(), [A]),
    "std": (lambda a: a.std(), [A]),
    "var_dim": (lambda a: a.var(1), [A]),
    "std_dim_keep": (lambda a: a.std(0, keepdim=True), [A]),
    "norm": (lambda a: a.norm(), [A]),
    "leaky_relu": (lambda a: F.leaky_relu(a, 0.1), [A]),
    "T": (lambda a: a.T, [A]),
    "ones_grad_int_pow": (lambda a: a ** 3, [A]),
    "clamp_min_method": (lambda a: a.clamp_min(0), [A]),
    "clamp_max_method": (lambda a: a.clamp_max(0.6), [A]),
    "cumsum": (lambda a: a.cumsum(1), [A]),
    "cumsum0": (lambda t: t.cumsum(0), [T3]),
    "flip": (lambda a: a.flip(0), [A]),
    "flip2": (lambda t: t.flip((0, 2)), [T3]),
    "remainder": (lambda a, b: a % b, [A, B]),
    "remainder_scalar": (lambda a: a % 0.75, [A]),
    "rremainder": (lambda p: 2 % p, [P]),
    "floor_divide": (lambda a, b: a // b, [A, B]),
    "exp_inplace": (lambda a: (a * 1).exp_(), [A]),
    "relu_inplace": (lambda a: (a * 1).relu_(), [A]),
    "sigmoid_inplace": (lambda a: (a * 1).sigmoid_(), [A]),
    "neg_inplace": (lambda a: (a * 1).neg_(), [A]),
    "linear": (lambda a, w, b: F.linear(a, w, b), [A, B, BIAS2]),
    "linear_nobias": (lambda a, w: F.linear(a, w), [A, B]),
    "linear_1d": (lambda v, w, b: F.linear(v, w, b), [V, B, BIAS2]),
    "linear_3d": (lambda t, m, v: F.linear(t, m, v), [T3, M, V]),
    "addmm": (lambda v, a, m: torch.addmm(v[:2], a, m), [BIAS2, A, M]),
    "bce": (lambda q, t: F.binary_cross_entropy(q, t), [Q, T01]),
    "bce_sum": (lambda q, t: F.binary_cross_entropy(q, t, reduction="sum"), [Q, T01]),
    "bce_logits": (lambda a, t: F.binary_cross_entropy_with_logits(a, t), [A, T01]),
    "l1_loss": (lambda a, b: F.l1_loss(a, b), [A, B]),
    "smooth_l1": (lambda a, b: F.smooth_l1_loss(a, b), [A, B]),
    "huber": (lambda a, b: F.huber_loss(a, b, delta=0.5), [A, B]),
    "erf": (lambda a: torch.erf(a), [A]),
    "gelu": (lambda a: F.gelu(a), [A]),
    "silu": (lambda a: F.silu(a), [A]),
    "elu": (lambda a: F.elu(a), [A]),
    "softplus": (lambda a: F.softplus(a), [A]),
    "index_multi": (lambda a: a[torch.tensor([1, 0, 1]), torch.tensor([2, 0, 1])], [A]),
    "index_multi_bcast": (lambda a: a[torch.tensor([[0], [1]]), torch.tensor([0, 2])], [A]),
    "index_0d": (lambda a: a[torch.tensor(1)], [A]),
    "pick_logp": (lambda a: -a.log_softmax(1)[torch.arange(2), torch.tensor([2, 0])].mean(), [A]),
    "ce_probs": (lambda a, q: F.cross_entropy(a, q), [A, Q]),
    "ce_probs_sum": (lambda a, q: F.cross_entropy(a, q, reduction="sum"), [A, Q]),
    "ce_probs_none": (lambda a, q: F.cross_entropy(a, q, reduction="none"), [A, Q]),
    "tril": (lambda x: x.tril(), [X33]),
    "triu1": (lambda x: x.triu(1), [X33]),
    "tril_neg": (lambda a: a.tril(-1), [A]),
    "trace": (lambda x: x.trace(), [X33]),
    "diag2d": (lambda x: torch.diag(x), [X33]),
    "diag2d_off": (lambda x: torch.diag(x, 1), [X33]),
    "diag1d": (lambda v: torch.diag(v), [V]),
    "diagonal": (lambda a: a.diagonal(), [A]),
    "repeat": (lambda a: a.repeat(2, 1), [A]),
    "repeat_lead": (lambda v: v.repeat(2, 2), [V]),
    "index_3d_mid": (lambda t: t[:, torch.tensor([2, 0]), torch.tensor([1, 1])], [T3]),
}

NLL_CASES = {
    "nll_loss": (lambda a, t: F.nll_loss(a.log_softmax(1), t), [A], [2, 0]),
    "cross_entropy": (lambda a, t: F.cross_entropy(a, t), [A], [2, 0]),
    "cross_entropy_sum": (lambda a, t: F.cross_entropy(a, t, reduction="sum"), [A], [1, 1]),
}


def nf(fn):
    out = []
    for f, nr in fn.next_functions:
        out.append(f"({type(f).__name__ if f is not None else 'None'}, {nr})")
    return "[" + ", ".join(out) + "]"


def report(name, f, inputs, extra=()):
    print(f"## {name}")
    try:
        out = f(*inputs, *extra)
        print(repr(out))
        if out.grad_fn is not None:
            print("grad_fn: " + type(out.grad_fn).__name__)
            print("next: " + nf(out.grad_fn))
        out.sum().backward()
        for i, x in enumerate(inputs):
            print(f"grad{i}: {x.grad!r}")
    except Exception as e:  # noqa
        print(f"err: {type(e).__name__}: {e}")


for name, (f, data) in CASES.items():
    report(name, f, [leaf(d) for d in data])
for name, (f, data, tgt) in NLL_CASES.items():
    report(name, f, [leaf(d) for d in data], (torch.tensor(tgt),))
print("## end")
