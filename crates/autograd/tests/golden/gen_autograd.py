"""Regenerates autograd_cases.txt from real PyTorch: python gen_autograd.py > autograd_cases.txt

Each `## name` section is one scenario; tests/autograd_golden.rs runs the same scenarios.
"""
import warnings
import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")
SECTIONS = []


def section(f):
    SECTIONS.append(f)
    return f


def leaf(d, dtype=None):
    return torch.tensor(d, dtype=dtype, requires_grad=True)


def err(f):
    try:
        r = f()
        print("ok:", r)
    except Exception as e:  # noqa
        print(f"err: {type(e).__name__}: {e}")


@section
def second_backward():
    x = leaf([1.0, 2.0, 3.0])
    y = (x * x).sum()
    y.backward()
    err(lambda: y.backward())
    z = (x * 2).sum()
    z.backward()
    err(lambda: z.backward())
    w = (x + 1).sum()
    w.backward()
    err(lambda: w.backward())
    print(x.grad)


@section
def retain_graph():
    x = leaf([1.0, 2.0])
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    print(x.grad)


@section
def implicit_grad_errors():
    x = leaf([1.0, 2.0])
    err(lambda: (x * 2).backward())
    err(lambda: torch.tensor([1.0, 2.0]).sum().backward())
    err(lambda: torch.tensor([1.0, 2.0]).backward())
    err(lambda: (x * 2).backward(torch.ones(3)))
    (x * 2).backward(torch.tensor([1.0, 0.5]))
    print(x.grad)


@section
def leaf_inplace():
    x = leaf([1.0, 2.0])
    err(lambda: x.add_(1))
    err(lambda: x[0].mul_(2))
    err(lambda: x.zero_())
    with torch.no_grad():
        x.add_(1)
    print(x, x._version)
    with torch.no_grad():
        x[0] = 10.0
    print(x, x._version)


@section
def version_counter():
    x = leaf([1.0, 2.0, 3.0])
    y = x.exp()
    y.add_(1)
    err(lambda: y.sum().backward())
    a = x * 1
    b = a.sin()
    a.mul_(2)
    err(lambda: b.sum().backward())
    c = x.sin()
    with torch.no_grad():
        x.add_(1)
    err(lambda: c.sum().backward())
    m = leaf([[1.0, 2.0], [3.0, 4.0]])
    n = m * 1
    o = n.exp()
    n.t_() if False else n.add_(0)
    err(lambda: o.sum().backward())


@section
def requires_grad_rules():
    x = leaf([1.0, 2.0])
    y = x * 2
    err(lambda: y.requires_grad_(False))
    print(y.requires_grad_(True))

    def setattr_rg():
        y.requires_grad = False
    err(setattr_rg)

    def setattr_rg_true():
        y.requires_grad = True
    err(setattr_rg_true)
    err(lambda: torch.tensor([1, 2]).requires_grad_())
    err(lambda: torch.tensor([1, 2], requires_grad=True))
    err(lambda: torch.tensor([True]).requires_grad_())
    z = torch.tensor([1.0, 2.0])
    z.requires_grad_()
    print(z, z.is_leaf, y.is_leaf)
    z.requires_grad_(False)
    print(z)


@section
def hooks():
    x = leaf([1.0, 2.0, 3.0])
    y = x * 3
    h = y.register_hook(lambda g: g * 2)
    y.sum().backward()
    print(x.grad)
    h.remove()
    x.grad = None
    y2 = x * 3
    y2.sum().backward()
    print(x.grad)
    x.grad = None
    seen = []
    x.register_hook(lambda g: seen.append(g.clone()))
    (x * x).sum().backward()
    print(seen[0], x.grad)
    err(lambda: torch.tensor([1.0]).register_hook(lambda g: g))


@section
def retain_grad():
    x = leaf([1.0, 2.0])
    y = x * 3
    y.retain_grad()
    z = y * y
    w = z.sum()
    w.backward()
    print(y.grad, y.retains_grad, z.grad, x.grad)
    err(lambda: torch.tensor([1.0]).retain_grad())
    x.retain_grad()
    print(x.retains_grad)


@section
def autograd_grad():
    x = leaf(2.0)
    y = x ** 3
    (g,) = torch.autograd.grad(y, x, create_graph=True)
    print(g)
    (g2,) = torch.autograd.grad(g, x)
    print(g2, x.grad)
    a = leaf([1.0, 2.0])
    b = leaf([3.0, 4.0])
    out = (a * b).sum()
    ga, gb = torch.autograd.grad(out, [a, b])
    print(ga, gb)
    c = leaf([1.0])
    err(lambda: torch.autograd.grad((a * 2).sum(), [a, c]))
    print(torch.autograd.grad((a * 2).sum(), [a, c], allow_unused=True))
    err(lambda: torch.autograd.grad((a * 2).sum(), [torch.tensor([1.0])]))
    o = (a * a).sum()
    torch.autograd.grad(o, a)
    err(lambda: torch.autograd.grad(o, a))
    m = a * b
    print(torch.autograd.grad(m, [a], grad_outputs=torch.tensor([1.0, -1.0])))
    h = a * 2
    s = (h * h).sum()
    print(torch.autograd.grad(s, h))


@section
def create_graph_backward():
    x = leaf(3.0)
    y = x ** 3
    y.backward(create_graph=True)
    print(x.grad)
    g = x.grad
    x.grad = None
    g.backward()
    print(x.grad)
    t = leaf([0.5, 1.0])
    (gt,) = torch.autograd.grad(t.sin().sum(), t, create_graph=True)
    (gg,) = torch.autograd.grad(gt.sum(), t)
    print(gt, gg)
    u = leaf([0.5, -1.0])
    (gu,) = torch.autograd.grad((u.tanh() * u.exp()).sum(), u, create_graph=True)
    print(gu)
    (guu,) = torch.autograd.grad(gu.sum(), u)
    print(guu)


@section
def nonleaf_inplace():
    x = leaf([1.0, 2.0])
    y = x * 2
    y.add_(1)
    print(y)
    print([type(f).__name__ if f else None for f, _ in y.grad_fn.next_functions])
    y.mul_(y.detach())
    print(y)
    err(lambda: y.sum().backward())
    y2 = x * 2
    y2.mul_(3)
    y2.sum().backward()
    print(x.grad)
    z = x * 1
    z.zero_()
    print(z)
    w = x * 1
    w.fill_(3)
    print(w)
    w.sum().backward()
    print(x.grad)


@section
def accumulation():
    x = leaf([1.0, 2.0])
    (x * 2).sum().backward()
    g = x.grad
    (x * 3).sum().backward()
    print(x.grad, g is x.grad)
    x.grad.zero_()
    print(x.grad)
    y = x * x
    (y + y).sum().backward()
    print(x.grad)


@section
def grad_mode():
    x = leaf([1.0, 2.0])
    with torch.no_grad():
        y = x * 2
        print(y, y.requires_grad, y.grad_fn, torch.is_grad_enabled())
        with torch.enable_grad():
            z = x * 2
            print(z)
    print(torch.is_grad_enabled())
    torch.set_grad_enabled(False)
    print((x * 2).requires_grad)
    torch.set_grad_enabled(True)
    d = x.detach()
    print(d, d.requires_grad, d.is_leaf)
    d[0] = 5.0
    print(x)


@section
def shape_errors():
    a = torch.ones(2, 3)
    err(lambda: a + torch.ones(4))
    err(lambda: a * torch.ones(3, 3))
    err(lambda: a.t().view(6))
    err(lambda: a.view(4, 2))
    err(lambda: a.view(-1, -1))
    err(lambda: a.mm(torch.ones(2, 3)))
    err(lambda: a.item())
    err(lambda: a[5])
    err(lambda: a[0, 0, 0])
    err(lambda: a.sum(2))
    err(lambda: a.expand(3, 4))
    err(lambda: torch.cat([a, torch.ones(3, 2)], 0))
    err(lambda: torch.stack([a, torch.ones(3)]))
    err(lambda: torch.ones(3).dot(torch.ones(4)))
    err(lambda: a.t().t().t().transpose(0, 2))
    err(lambda: torch.arange(5).mean())
    err(lambda: torch.tensor([[1.0, 2.0], [3.0]]))
    err(lambda: torch.ones(2, 3, 4).t())
    err(lambda: a @ torch.ones(4))
    err(lambda: torch.ones(3).max(1))
    err(lambda: torch.ones(0).max())
    err(lambda: torch.ones(2).permute(0, 1))
    err(lambda: torch.ones(3, dtype=torch.float64).mm(torch.ones(3, 3)))


@section
def dtypes():
    i = torch.tensor([1, 2, 3])
    print(i / 2, i * 2.5, i + True, i.sum(), i.float().mean())
    print(torch.tensor([True, False]) + torch.tensor([True, True]))
    print(i > 1, (i > 1).all(), (i > 1).any(), i == 2)
    print(torch.tensor([1.5]) + torch.tensor([1], dtype=torch.float64))
    print(torch.tensor(2.5, dtype=torch.float64) * torch.tensor([1.0]))
    print(i.double(), i.to(torch.float32), torch.tensor([0.7, -1.7]).long())
    print(torch.tensor([1.0, 2.0]) ** 2, i ** 2, 2 ** i, i.sum().item(), torch.tensor(2.5).item())
    print(torch.tensor([1.0, 2.0]).tolist(), torch.tensor([[1, 2]]).tolist())
    err(lambda: i ** -1)
    err(lambda: torch.tensor([True]) - torch.tensor([True]))
    err(lambda: -torch.tensor([True]))


@section
def constructors():
    print(torch.arange(5), torch.arange(1, 4), torch.arange(0, 1, 0.25), torch.arange(0.0, 3.0))
    print(torch.arange(10, 0, -3), torch.linspace(0, 1, 5), torch.linspace(-1, 1, 4))
    print(torch.eye(3), torch.eye(2, 3), torch.zeros(2, 3), torch.ones(2, dtype=torch.int64))
    print(torch.full((2, 2), 7.0), torch.full((2,), 3), torch.zeros_like(torch.ones(2, 2)))
    print(torch.ones(2, 3).shape, torch.ones(2, 3).size(), torch.ones(()).shape)
    err(lambda: torch.arange(0, 5, 0))
    err(lambda: torch.arange(5, 0, 1))


@section
def random():
    torch.manual_seed(0)
    print(torch.rand(3))
    print(torch.randn(3))
    print(torch.randn(20))
    print(torch.rand(2, 2))
    print(torch.randint(0, 10, (6,)))
    print(torch.randn(3, dtype=torch.float64))
    print(torch.randn(17))
    print(torch.normal(2.0, 3.0, (4,)))
    torch.manual_seed(42)
    print(torch.randn(2, 3))
    print(torch.rand(5, dtype=torch.float64))
    w = torch.empty(3)
    w.uniform_(-1, 1)
    print(w)
    w.normal_(0, 0.5)
    print(w)
    u = torch.empty(40)
    u.uniform_(-0.37, 1.9)
    print(u.tolist()[:12])
    lin = torch.nn.Linear(3, 2)
    print(lin.weight.tolist(), lin.bias.tolist())
    err(lambda: leaf([1.0]).uniform_())
    i = torch.tensor([5, -5])
    print(i // 3, i % 3, torch.tensor([5.5, -5.5]) % 2)
    err(lambda: i // 0)
    err(lambda: i % 0)


@section
def copy_slices():
    x = leaf([1.0, 2.0, 3.0])
    y = x * 1
    y[0] = 5.0
    print(y, [type(f).__name__ if f else None for f, _ in y.grad_fn.next_functions])
    v = y[1]
    v.mul_(3)
    print(v, y, [type(f).__name__ if f else None for f, _ in y.grad_fn.next_functions])
    w = leaf(2.0)
    y[2] = w
    print(y, [type(f).__name__ if f else None for f, _ in y.grad_fn.next_functions])
    (y * torch.tensor([1.0, 10.0, 100.0])).sum().backward()
    print(x.grad, w.grad)
    z = torch.zeros(3)
    z[1] = w * 2
    print(z, [type(f).__name__ if f else None for f, _ in z.grad_fn.next_functions])
    z.sum().backward()
    print(w.grad)
    m = leaf([[1.0, 2.0], [3.0, 4.0]])
    n = m.exp()
    n[:, 0] = torch.tensor([0.5, 0.25])
    err(lambda: n.sum().backward())
    n2 = m * m
    n2[:, 0] = torch.tensor([0.5, 0.25])
    n2.sum().backward()
    print(n2)
    print(n, m.grad)
    p = leaf([1.0, -1.0, 2.0])
    q = p * 2
    q[q < 0] = 0.0
    q.sum().backward()
    print(q, p.grad)
    err(lambda: y.__setitem__(0, torch.ones(2)))


@section
def float_accuracy():
    torch.manual_seed(0)
    for n in [7, 11, 13, 50, 100]:
        x = torch.linspace(0, 1, n)
        print(n, x.sum().item(), x.mean().item(), (x * x).sum().item())
    print(torch.linspace(-3, 7, 50).tolist()[30:40])
    print(torch.linspace(0, 1, 100, dtype=torch.float64).tolist()[60:64])
    print(torch.arange(0, 5, 0.1).tolist()[30:40])
    print(torch.arange(0, 50, 0.3).tolist()[100:110])
    r = torch.randn(1000)
    print(r.sum().item(), r.mean().item(), (r * r).sum().item())
    m = torch.randn(37, 20)
    print(m.sum(0).tolist()[10:14], m.sum(1).tolist()[:3], m.mean(0).tolist()[:2], m.mean(1).tolist()[:2])
    k = torch.randn(9, 5)
    print(k.sum(0).tolist(), k.sum().item(), k.mean().item())
    a = torch.randn(20)
    b = torch.randn(20)
    print(F.mse_loss(a, b).item(), F.mse_loss(a, b, reduction="sum").item())
    d = torch.randn(30, dtype=torch.float64)
    print(d.sum().item(), d.mean().item())
    tt = torch.randn(33, 9)
    print(tt.t().sum().item(), tt.t().mean().item(), tt.t().contiguous().sum().item())
    for (n, k, m) in [(5, 7, 3), (16, 16, 16), (2, 100, 20), (8, 20, 16), (40, 40, 40)]:
        a = torch.randn(n, k)
        b = torch.randn(k, m)
        print((a @ b)[-1].tolist()[:5])
    px = torch.randn(60)
    for e in [2, 3, -1, -2, -0.5, 2.5]:
        base = px.abs() + 0.01 if e != int(e) or e < 0 else px
        print(e, (base ** e).tolist()[:6], sum((base ** e).tolist()))
    for n in [3, 8, 17, 40]:
        lp = torch.randn(n, 5)
        tg = torch.randint(0, 5, (n,))
        tg[1] = -100
        print(n, F.nll_loss(lp, tg).item(), F.nll_loss(lp, tg, reduction="sum").item())
    sx = torch.randn(70) * 3
    print(torch.sigmoid(sx).tolist()[28:36], sum(torch.sigmoid(sx).tolist()))
    for c in [3, 10, 17, 40]:
        lg = torch.randn(4, c)
        print(c, torch.softmax(lg, 1)[1].tolist()[:4], torch.log_softmax(lg, 1)[2].tolist()[:4])
        print(torch.softmax(lg, 0)[1].tolist()[:3], torch.log_softmax(lg, 0)[3].tolist()[:3])
        tg = torch.randint(0, c, (4,))
        print(F.cross_entropy(lg, tg).item())
    w = torch.randn(16, 20)
    bias = torch.randn(16)
    xx = torch.randn(8, 20)
    print(F.linear(xx, w, bias)[3].tolist()[:6])


@section
def engine_details():
    x = leaf([1.0, 2.0])
    y = x * 3
    y.retain_grad()
    (g,) = torch.autograd.grad((y * y).sum(), x)
    print(g, y.grad, x.grad)
    y2 = x * 3
    y2.register_hook(lambda g: g * 2)
    y2.retain_grad()
    (y2 * y2).sum().backward()
    print(y2.grad, x.grad)
    x.grad = None
    y3 = x * 3
    y3.retain_grad()
    y3.register_hook(lambda g: g * 2)
    (y3 * y3).sum().backward()
    print(y3.grad, x.grad)
    print(torch.autograd.grad(x.sum(), x), torch.autograd.grad(x, x, torch.ones(2)))
    s = leaf(2.0)
    s.backward()
    print(s.grad)
    a = leaf([1.0, 2.0])
    torch.autograd.backward([a * 2, (a * a).sum()], [torch.tensor([1.0, 1.0]), None])
    print(a.grad)
    calls = []
    b = leaf([1.0])
    c = b * 2
    c.register_hook(lambda g: calls.append(1))
    d = c.sum()
    d.backward(retain_graph=True)
    d.backward()
    print(len(calls), b.grad)
    e = leaf([1.0, 2.0])
    f = e.exp()
    gsum = f.sum()
    gsum.backward(retain_graph=True)
    print(f.grad_fn._saved_result)
    gsum.backward()
    err(lambda: f.grad_fn._saved_result)
    h = leaf([3.0])
    k = h * h
    print(k.grad_fn._saved_self, k.grad_fn._saved_other)


@section
def more_errors():
    err(lambda: torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2))
    err(lambda: torch.ones(2, dtype=torch.float64).dot(torch.ones(2)))
    err(lambda: torch.ones(2, 2, 2).bmm(torch.ones(2, 2, 2, dtype=torch.float64)))
    err(lambda: torch.ones(2, 2, dtype=torch.long) @ torch.ones(2, 2))
    err(lambda: torch.ones(3).view(2, 2))
    err(lambda: torch.ones(2, 3)[:, 5])
    err(lambda: torch.ones(2, 3)[2:, 0].item())
    err(lambda: torch.ones(2, 3).softmax(2))
    err(lambda: torch.nn.functional.cross_entropy(torch.ones(2, 3), torch.tensor([0, 3])))
    err(lambda: torch.nn.functional.nll_loss(torch.ones(2, 3), torch.tensor([0])))
    err(lambda: torch.cat([torch.ones(2), torch.ones(2, 2)]))
    err(lambda: torch.ones(2, 3).sum(dim=(0, 0)))
    err(lambda: torch.ones(2, 3).squeeze(3))
    err(lambda: torch.ones(2, 3).unsqueeze(3))
    err(lambda: torch.ones(2, 3).reshape(4, -1))
    err(lambda: torch.ones(2, 3).expand(2))
    err(lambda: torch.ones(2, 3) + torch.ones(3, 2))
    err(lambda: torch.ones(2, 3).masked_fill(torch.ones(2, 3), 0.0))
    err(lambda: torch.randint(5, 2, (3,)))
    err(lambda: torch.ones(2, 3).flatten(1, 0))
    err(lambda: torch.ones(2, 3).narrow(1, 2, 5))
    err(lambda: torch.ones(2, 3).max(2))
    err(lambda: torch.arange(5)[torch.tensor([1.5])])
    err(lambda: torch.linspace(0, 1, -1))
    err(lambda: torch.ones(2, 3).std().item())
    err(lambda: torch.ones(2, 3).t().view(3, 2).view(6))
    err(lambda: torch.ones(2, 3).permute(0, 0))
    err(lambda: torch.ones(2, 3).log_softmax(-3))


@section
def multi_output():
    x = leaf([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    a, b, c = x.unbind(0)
    print(a, b, c, [type(f).__name__ for f, _ in a.grad_fn.next_functions])
    print(x.split(2), x.chunk(2, 1), x.split([1, 2]))
    y = x * 1
    p, q = y.split(2)
    err(lambda: p.mul_(2))
    u, v = x.unbind(1)
    (u * 2 + v).sum().backward()
    print(x.grad)
    x.grad = None
    s1, s2 = x.split([1, 2])
    (s2 * 3).sum().backward()
    print(x.grad)
    x.grad = None
    c1, c2 = x.chunk(2)
    (c1.sum() * c2.sum()).backward()
    print(x.grad)
    x.grad = None
    r0, r1, r2 = x.unbind()
    r1.retain_grad()
    r1.register_hook(lambda g: g * 10)
    (r0 + r1 * r2).sum().backward()
    print(x.grad, r1.grad)
    (gx,) = torch.autograd.grad(x.unbind(1)[1].pow(2).sum(), x, create_graph=True)
    print(gx)
    print(torch.autograd.grad(gx.sum(), x))
    err(lambda: x.split([1, 1]))
    err(lambda: x.chunk(0))


@section
def no_grad_views():
    x = leaf([1.0, 2.0])
    with torch.no_grad():
        v = x[0]
    err(lambda: v.mul_(2))
    y = x * 1
    with torch.no_grad():
        w = y[0]
    err(lambda: w.mul_(2))
    with torch.no_grad():
        w.mul_(2)
    print(y)
    d = x.detach()
    d.add_(1)
    print(x)


@section
def backward_inputs():
    x = leaf([1.0, 2.0])
    w = leaf([3.0, 4.0])
    (x * w).sum().backward(inputs=[x])
    print(x.grad, w.grad)
    y2 = x * w
    (y2 * y2).sum().backward(inputs=[y2])
    print(y2.grad, x.grad)
    err(lambda: (x * w).sum().backward(inputs=[]))


@section
def int32():
    i = torch.tensor([1, -2, 300], dtype=torch.int32)
    print(i, i + 2, i * 2.5, i / 2, i + torch.tensor([1, 1, 1]), i.sum(), i.cumsum(0))
    print(torch.tensor([1.7, -2.7, 3e9]).int(), i.float(), i.long(), torch.zeros(0, dtype=torch.int32))
    x = torch.tensor([10.0, 20.0, 30.0])
    print(x[torch.tensor([2, 0], dtype=torch.int32)], i.max(), i.tolist(), i[0].item())
    err(lambda: i.requires_grad_())


@section
def retain_then_inplace():
    x = leaf([1.0, 2.0])
    y = x * 2
    y.retain_grad()
    y.add_(1)
    (y * 3).sum().backward()
    print(y.grad, x.grad, type(y.grad_fn).__name__)
    e = torch.tensor([1.0, 2.0]).expand(3, 2)
    err(lambda: e.add_(1))
    e[0] = 5.0
    print(e)


@section
def functional():
    from torch.autograd.functional import jacobian, hessian
    x = torch.tensor([1.0, 2.0])
    print(jacobian(lambda v: v ** 3 * torch.tensor([1.0, 2.0]), x))
    print(hessian(lambda v: (v ** 3).sum() + v[0] * v[1], x))
    print(jacobian(lambda v: v.sum(), x), jacobian(lambda v: torch.tensor(1.0), x))
    print(jacobian(lambda v: v ** 3 * torch.tensor([1.0, 2.0]), x, create_graph=True))
    m = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    print(jacobian(lambda v: v @ v, m).shape, hessian(lambda v: (v.exp() * v).sum(), x))
    err(lambda: hessian(lambda v: v * 2, x))


@section
def optimizer_ops():
    torch.manual_seed(0)
    p = torch.randn(40)
    g = torch.randn(40)
    v = torch.randn(40).abs() + 0.1
    a = p.clone(); a.add_(g, alpha=-0.1)
    b = p.clone(); b.addcmul_(g, g, value=0.001)
    c = p.clone(); c.addcdiv_(g, v, value=-0.01)
    d = p.clone(); d.lerp_(g, 0.1)
    e = p.clone(); e.mul_(0.9).add_(g, alpha=0.1)
    f = p.clone(); f.sub_(g, alpha=0.3)
    h = p.clone(); h.lerp_(g, 0.7)
    for t in [a, b, c, d, e, f, h]:
        print(t.tolist()[:8])
    print(torch.add(p, g, alpha=2.5).tolist()[:4], torch.sub(p, g, alpha=2).tolist()[:4])
    w = leaf([1.0, 2.0])
    (torch.add(w, w * w, alpha=3.0)).sum().backward()
    print(w.grad)
    # Adam-style step
    torch.manual_seed(1)
    param = torch.randn(10)
    grad = torch.randn(10)
    m = torch.zeros(10)
    s2 = torch.zeros(10)
    for step in range(1, 4):
        m.lerp_(grad, 1 - 0.9)
        s2.mul_(0.999).addcmul_(grad, grad, value=1 - 0.999)
        bc1 = 1 - 0.9 ** step
        bc2 = 1 - 0.999 ** step
        denom = (s2.sqrt() / (bc2 ** 0.5)).add_(1e-8)
        param.addcdiv_(m, denom, value=-0.001 / bc1)
    print(param.tolist()[:6])


for f in SECTIONS:
    print(f"## {f.__name__}")
    f()
print("## end")
