//! Table-driven central-difference check (float64) of every backward formula, first and
//! second order (the second order exercises backward-of-backward through `create_graph`).

use ::autograd::{grad, Bin, DType, Elem, IndexItem, Reduction, Result, Tensor};

type Op = fn(&[Tensor]) -> Result<Tensor>;
type Case = (&'static str, Op, Vec<Tensor>, Vec<bool>, bool);

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64) / ((1u64 << 53) as f64)
    }
}

/// Values away from kinks: magnitude in [0.3, 1.3], random sign unless `positive`.
fn input(shape: &[usize], positive: bool, rng: &mut Lcg) -> Tensor {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n)
        .map(|i| {
            let m = 0.3 + rng.next() + i as f64 * 1e-3;
            if positive || rng.next() < 0.5 {
                m
            } else {
                -m
            }
        })
        .collect();
    Tensor::from_data(v, shape, DType::Float64).unwrap()
}

fn long(v: &[i64]) -> Tensor {
    Tensor::from_data(
        v.iter().map(|&x| x as f64).collect(),
        &[v.len()],
        DType::Int64,
    )
    .unwrap()
}

/// `sum(f(inputs) * w)` for fixed weights, so every output element matters differently.
fn scalar_of(f: Op, inputs: &[Tensor], w: &Tensor) -> Result<Tensor> {
    let out = f(inputs)?;
    out.mul(&w.reshape_usize(out.shape())?)?.sum()
}

fn weights(f: Op, inputs: &[Tensor], rng: &mut Lcg) -> Tensor {
    let out = {
        let _g = ::autograd::no_grad();
        f(inputs).unwrap()
    };
    input(out.shape(), false, rng)
}

fn numeric(f: &dyn Fn(&[Tensor]) -> Result<f64>, inputs: &[Tensor], which: usize) -> Vec<f64> {
    let eps = 1e-6;
    let base = inputs[which].to_vec();
    let mut out = Vec::with_capacity(base.len());
    for k in 0..base.len() {
        let eval = |delta: f64| {
            let mut v = base.clone();
            v[k] += delta;
            let mut ins: Vec<Tensor> = inputs.to_vec();
            ins[which] = Tensor::from_data(v, inputs[which].shape(), DType::Float64).unwrap();
            f(&ins).unwrap()
        };
        out.push((eval(eps) - eval(-eps)) / (2.0 * eps));
    }
    out
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| (x - y).abs() <= 1e-5 * (1.0 + x.abs().max(y.abs())))
}

fn leafs(inputs: &[Tensor], diff: &[bool]) -> Vec<Tensor> {
    inputs
        .iter()
        .zip(diff)
        .map(|(t, &d)| {
            let l = t.detach();
            let l = Tensor::from_data(l.to_vec(), l.shape(), l.dtype()).unwrap();
            if d {
                l.requires_grad_(true).unwrap();
            }
            l
        })
        .collect()
}

fn check(name: &str, f: Op, inputs: Vec<Tensor>, diff: &[bool], second_order: bool) {
    let mut rng = Lcg(name.len() as u64 * 7919 + 1);
    let w = weights(f, &inputs, &mut rng);
    let ins = leafs(&inputs, diff);
    let targets: Vec<Tensor> = ins
        .iter()
        .zip(diff)
        .filter(|(_, &d)| d)
        .map(|(t, _)| t.clone())
        .collect();
    let idx: Vec<usize> = diff
        .iter()
        .enumerate()
        .filter(|(_, &d)| d)
        .map(|(i, _)| i)
        .collect();
    // first order
    let y = scalar_of(f, &ins, &w).unwrap();
    let gs = grad(&[y], &targets, &[None], None, second_order, true).unwrap();
    let fwd = |x: &[Tensor]| -> Result<f64> { Ok(scalar_of(f, x, &w)?.to_vec()[0]) };
    for (gi, &i) in gs.iter().zip(&idx) {
        let analytic = gi
            .as_ref()
            .map(|g| g.to_vec())
            .unwrap_or_else(|| vec![0.0; ins[i].numel()]);
        let num = numeric(&fwd, &ins, i);
        assert!(
            close(&analytic, &num),
            "{name}: d/dx{i} analytic {analytic:?} numeric {num:?}"
        );
        if let Some(g) = gi {
            assert_eq!(g.shape(), ins[i].shape(), "{name}: grad shape");
        }
    }
    if !second_order {
        return;
    }
    // second order: h(x) = sum(grad_i(x) * v) for the first differentiable input
    let i0 = idx[0];
    let v = input(ins[i0].shape(), false, &mut rng);
    let h = |x: &[Tensor]| -> Result<Tensor> {
        let xs = leafs(x, diff);
        let t: Vec<Tensor> = vec![xs[i0].clone()];
        let y = scalar_of(f, &xs, &w)?;
        let g = grad(&[y], &t, &[None], None, true, true)?;
        match &g[0] {
            Some(g) => g.mul(&v)?.sum(),
            None => Tensor::zeros(&[], DType::Float64),
        }
    };
    let ins2 = leafs(&inputs, diff);
    let y = scalar_of(f, &ins2, &w).unwrap();
    let g = grad(&[y], &[ins2[i0].clone()], &[None], None, true, true).unwrap();
    let Some(g0) = &g[0] else { return };
    let hv = g0.mul(&v).unwrap().sum().unwrap();
    if !hv.requires_grad() {
        // gradient is constant in x: numeric second derivative must be 0
        let num = numeric(&|x: &[Tensor]| Ok(h(x)?.to_vec()[0]), &inputs, i0);
        assert!(
            num.iter().all(|d| d.abs() < 1e-4),
            "{name}: second order expected 0, got {num:?}"
        );
        return;
    }
    let gg = grad(&[hv], &[ins2[i0].clone()], &[None], None, false, true).unwrap();
    let analytic = gg[0]
        .as_ref()
        .map(|g| g.to_vec())
        .unwrap_or_else(|| vec![0.0; ins2[i0].numel()]);
    let num = numeric(&|x: &[Tensor]| Ok(h(x)?.to_vec()[0]), &inputs, i0);
    assert!(
        analytic
            .iter()
            .zip(&num)
            .all(|(a, b)| (a - b).abs() <= 1e-4 * (1.0 + a.abs().max(b.abs()))),
        "{name}: second order analytic {analytic:?} numeric {num:?}"
    );
}

#[test]
fn finite_differences_every_backward() {
    let mut rng = Lcg(12345);
    let mut r = |s: &[usize]| input(s, false, &mut rng);
    let mut rng2 = Lcg(999);
    let mut pos = |s: &[usize]| input(s, true, &mut rng2);
    let cases: Vec<Case> = vec![
        (
            "add",
            |x| x[0].add(&x[1]),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "sub",
            |x| x[0].sub(&x[1]),
            vec![r(&[2, 1]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
        (
            "rsub",
            |x| x[0].rsub(&x[1]),
            vec![r(&[3]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
        (
            "rsub_scalar",
            |x| x[0].rsub_scalar(2.5),
            vec![r(&[4])],
            vec![true],
            true,
        ),
        (
            "mul",
            |x| x[0].mul(&x[1]),
            vec![r(&[2, 3]), r(&[2, 1])],
            vec![true, true],
            true,
        ),
        (
            "div",
            |x| x[0].div(&x[1]),
            vec![r(&[2, 3]), pos(&[3])],
            vec![true, true],
            true,
        ),
        ("neg", |x| x[0].neg(), vec![r(&[3])], vec![true], true),
        (
            "pow_scalar",
            |x| x[0].pow_scalar(3i64),
            vec![r(&[4])],
            vec![true],
            true,
        ),
        (
            "pow_frac",
            |x| x[0].pow_scalar(1.7),
            vec![pos(&[4])],
            vec![true],
            true,
        ),
        (
            "pow_tensor",
            |x| x[0].pow(&x[1]),
            vec![pos(&[3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "rpow",
            |x| x[0].rpow_scalar(1.9),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        (
            "rdiv",
            |x| x[0].rdiv_scalar(2.0),
            vec![pos(&[3])],
            vec![true],
            true,
        ),
        ("exp", |x| x[0].exp(), vec![r(&[3])], vec![true], true),
        ("log", |x| x[0].log(), vec![pos(&[3])], vec![true], true),
        ("sqrt", |x| x[0].sqrt(), vec![pos(&[3])], vec![true], true),
        ("abs", |x| x[0].abs(), vec![r(&[5])], vec![true], true),
        ("sin", |x| x[0].sin(), vec![r(&[3])], vec![true], true),
        (
            "frac",
            |x| x[0].mul_scalar(3.0)?.elementwise(Elem::Frac),
            vec![r(&[4])],
            vec![true],
            true,
        ),
        (
            "deg2rad",
            |x| x[0].elementwise(Elem::Deg2Rad),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        (
            "rad2deg",
            |x| x[0].elementwise(Elem::Rad2Deg),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        (
            "sinc",
            |x| x[0].elementwise(Elem::Sinc),
            vec![r(&[4])],
            vec![true],
            true,
        ),
        (
            "logit",
            |x| x[0].mul_scalar(0.5)?.elementwise(Elem::Logit(-1.0)),
            vec![pos(&[4])],
            vec![true],
            true,
        ),
        (
            "logit_eps",
            |x| x[0].mul_scalar(0.5)?.elementwise(Elem::Logit(0.2)),
            vec![pos(&[4])],
            vec![true],
            true,
        ),
        (
            "celu",
            |x| {
                x[0].elementwise(Elem::Elu {
                    alpha: 0.5,
                    scale: 1.0,
                    input_scale: 2.0,
                    celu: true,
                })
            },
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "selu",
            |x| {
                x[0].elementwise(Elem::Elu {
                    alpha: 1.673_263_242_354_377_2,
                    scale: 1.050_700_987_355_480_5,
                    input_scale: 1.0,
                    celu: false,
                })
            },
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "logsigmoid",
            |x| x[0].elementwise(Elem::LogSigmoid),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "hardswish",
            |x| x[0].mul_scalar(4.0)?.elementwise(Elem::Hardswish),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "hardsigmoid",
            |x| x[0].mul_scalar(4.0)?.elementwise(Elem::Hardsigmoid),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "mish",
            |x| x[0].elementwise(Elem::Mish),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "threshold",
            |x| x[0].elementwise(Elem::Threshold(0.1, -2.0)),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "atan2",
            |x| x[0].binary_fn(&x[1], Bin::Atan2),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "fmod",
            |x| x[0].mul_scalar(3.0)?.binary_fn(&x[1], Bin::Fmod),
            vec![r(&[4]), pos(&[4])],
            vec![true, true],
            true,
        ),
        (
            "xlogy",
            |x| x[0].binary_fn(&x[1], Bin::Xlogy),
            vec![r(&[2, 3]), pos(&[3])],
            vec![true, true],
            true,
        ),
        (
            "fmin",
            |x| x[0].binary_fn(&x[1], Bin::Fmin),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "fmax",
            |x| x[0].binary_fn(&x[1], Bin::Fmax),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "copysign",
            |x| x[0].binary_fn(&x[1], Bin::Copysign),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "hypot",
            |x| x[0].binary_fn(&x[1], Bin::Hypot),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "exp2",
            |x| x[0].elementwise(Elem::Exp2),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "nan_to_num",
            |x| x[0].elementwise(Elem::NanToNum(0.0, f64::NAN, f64::NAN)),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "roll",
            |x| x[0].roll(&[1, -2], &[0, 1]),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "roll_flat",
            |x| x[0].roll(&[4], &[]),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "masked_fill_tensor",
            |x| {
                let m = x[0].gt_scalar(0.0)?;
                x[0].masked_fill_tensor(&m, &x[1])
            },
            vec![r(&[2, 3]), r(&[])],
            vec![true, true],
            true,
        ),
        (
            "soft_margin_loss",
            |x| x[0].soft_margin_loss(&x[1], Reduction::Mean),
            vec![r(&[2, 3]), r(&[2, 3])],
            vec![true, false],
            true,
        ),
        (
            "xlogy_number_self",
            |x| Tensor::wrapped(2.5.into()).binary_fn(&x[0], Bin::Xlogy),
            vec![pos(&[3])],
            vec![true],
            true,
        ),
        (
            "nansum",
            |x| x[0].nansum(&[1], false),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        ("median", |x| x[0].median(), vec![r(&[5])], vec![true], true),
        (
            "median_dim",
            |x| Ok(x[0].median_dim(1, false)?.0),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "cummax",
            |x| Ok(x[0].cummax(1, false)?.0),
            vec![r(&[2, 4])],
            vec![true],
            true,
        ),
        (
            "cummin",
            |x| Ok(x[0].cummax(0, true)?.0),
            vec![r(&[4, 2])],
            vec![true],
            true,
        ),
        (
            "logcumsumexp",
            |x| x[0].logcumsumexp(1),
            vec![r(&[2, 4])],
            vec![true],
            true,
        ),
        ("cos", |x| x[0].cos(), vec![r(&[3])], vec![true], true),
        ("tanh", |x| x[0].tanh(), vec![r(&[3])], vec![true], true),
        (
            "sigmoid",
            |x| x[0].sigmoid(),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        ("relu", |x| x[0].relu(), vec![r(&[6])], vec![true], true),
        (
            "reciprocal",
            |x| x[0].reciprocal(),
            vec![pos(&[3])],
            vec![true],
            true,
        ),
        (
            "sign",
            |x| x[0].sign()?.mul(&x[0]),
            vec![r(&[4])],
            vec![true],
            true,
        ),
        (
            "clamp",
            |x| x[0].clamp(Some(-0.8), Some(0.9)),
            vec![r(&[8])],
            vec![true],
            true,
        ),
        ("sum", |x| x[0].sum(), vec![r(&[2, 3])], vec![true], true),
        (
            "sum_dim",
            |x| x[0].sum_dim(&[0, 2], false),
            vec![r(&[2, 3, 2])],
            vec![true],
            true,
        ),
        (
            "sum_dim_keep",
            |x| x[0].sum_dim(&[1], true),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        ("mean", |x| x[0].mean(), vec![r(&[2, 3])], vec![true], true),
        (
            "mean_dim",
            |x| x[0].mean_dim(&[-1], false),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        ("max", |x| x[0].max(), vec![r(&[2, 3])], vec![true], true),
        ("min", |x| x[0].min(), vec![r(&[2, 3])], vec![true], true),
        (
            "max_dim",
            |x| Ok(x[0].max_dim(1, false)?.0),
            vec![r(&[3, 4])],
            vec![true],
            true,
        ),
        (
            "clamp_tensor",
            |x| x[0].clamp_tensor(Some(&x[1]), Some(&x[2].add_scalar(0.5)?)),
            vec![r(&[2, 3]), r(&[3]), r(&[2, 1])],
            vec![true, true, true],
            true,
        ),
        (
            "clamp_tensor_max",
            |x| x[0].clamp_tensor(None, Some(&x[1])),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "cumprod",
            |x| x[0].cumprod(1),
            vec![r(&[3, 4])],
            vec![true],
            true,
        ),
        (
            "cumprod_zeros",
            |x| x[0].cumprod(0),
            vec![Tensor::from_data(
                vec![0.5, 0.0, 1.5, 0.0, 2.0, -0.7, 1.2, 0.0, 0.9, 0.0, 0.0, 1.1],
                &[4, 3],
                DType::Float64,
            )
            .unwrap()],
            vec![true],
            true,
        ),
        (
            "sort",
            |x| Ok(x[0].sort(1, false, false)?.0),
            vec![r(&[3, 4])],
            vec![true],
            true,
        ),
        (
            "sort_desc_dim0",
            |x| Ok(x[0].sort(0, true, true)?.0),
            vec![r(&[3, 4])],
            vec![true],
            true,
        ),
        (
            "topk",
            |x| Ok(x[0].topk(2, -1, true, true)?.0),
            vec![r(&[3, 5])],
            vec![true],
            true,
        ),
        (
            "topk_smallest_dim0",
            |x| Ok(x[0].topk(2, 0, false, false)?.0),
            vec![r(&[4, 3])],
            vec![true],
            true,
        ),
        (
            "min_dim_keep",
            |x| Ok(x[0].min_dim(0, true)?.0),
            vec![r(&[3, 4])],
            vec![true],
            true,
        ),
        (
            "mm",
            |x| x[0].mm(&x[1]),
            vec![r(&[2, 3]), r(&[3, 4])],
            vec![true, true],
            true,
        ),
        (
            "mv",
            |x| x[0].mv(&x[1]),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "dot",
            |x| x[0].dot(&x[1]),
            vec![r(&[3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "bmm",
            |x| x[0].bmm(&x[1]),
            vec![r(&[2, 2, 3]), r(&[2, 3, 2])],
            vec![true, true],
            true,
        ),
        (
            "matmul_bcast",
            |x| x[0].matmul(&x[1]),
            vec![r(&[2, 1, 2, 3]), r(&[3, 3, 2])],
            vec![true, true],
            true,
        ),
        (
            "matmul_3_1",
            |x| x[0].matmul(&x[1]),
            vec![r(&[2, 2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "matmul_1_2",
            |x| x[0].matmul(&x[1]),
            vec![r(&[3]), r(&[3, 2])],
            vec![true, true],
            true,
        ),
        (
            "softmax",
            |x| x[0].softmax(1),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "log_softmax",
            |x| x[0].log_softmax(0),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "mse_loss",
            |x| x[0].mse_loss(&x[1], Reduction::Mean),
            vec![r(&[2, 3]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
        (
            "mse_loss_none",
            |x| x[0].mse_loss(&x[1], Reduction::None),
            vec![r(&[3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "nll_loss",
            |x| x[0].nll_loss(&long(&[2, 0, 1]), Reduction::Mean, -100),
            vec![r(&[3, 3])],
            vec![true],
            true,
        ),
        (
            "nll_loss_none",
            |x| x[0].nll_loss(&long(&[1, 1, 0]), Reduction::None, -100),
            vec![r(&[3, 2])],
            vec![true],
            true,
        ),
        (
            "cross_entropy",
            |x| x[0].cross_entropy(&long(&[2, 0]), Reduction::Sum, -100),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "cat",
            |x| Tensor::cat(&[x[0].clone(), x[1].clone()], 1),
            vec![r(&[2, 2]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
        (
            "stack",
            |x| Tensor::stack(&[x[0].clone(), x[1].clone()], 1),
            vec![r(&[2, 3]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
        (
            "clone",
            |x| x[0].clone_tensor()?.mul(&x[0]),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        (
            "view",
            |x| x[0].view(&[3, 2])?.mul(&x[0].view(&[3, 2])?),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "reshape_copy",
            |x| x[0].t()?.reshape(&[6])?.exp(),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        ("t", |x| x[0].t()?.exp(), vec![r(&[2, 3])], vec![true], true),
        (
            "transpose",
            |x| x[0].transpose(0, 2)?.sin(),
            vec![r(&[2, 3, 2])],
            vec![true],
            true,
        ),
        (
            "permute",
            |x| x[0].permute(&[1, 2, 0])?.sin(),
            vec![r(&[2, 3, 2])],
            vec![true],
            true,
        ),
        (
            "unsqueeze",
            |x| x[0].unsqueeze(1)?.mul(&x[0].unsqueeze(0)?),
            vec![r(&[3])],
            vec![true],
            true,
        ),
        (
            "squeeze",
            |x| x[0].squeeze()?.exp(),
            vec![r(&[1, 3, 1])],
            vec![true],
            true,
        ),
        (
            "squeeze_dim",
            |x| x[0].squeeze_dim(0)?.exp(),
            vec![r(&[1, 3])],
            vec![true],
            true,
        ),
        (
            "expand",
            |x| x[0].expand_sizes(&[2, 3, -1])?.exp(),
            vec![r(&[3, 1])],
            vec![true],
            true,
        ),
        (
            "select",
            |x| x[0].select(1, -1)?.exp(),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "slice",
            |x| x[0].slice(1, 0, 3, 2)?.exp(),
            vec![r(&[2, 4])],
            vec![true],
            true,
        ),
        (
            "index",
            |x| x[0].index(&[IndexItem::Tensor(long(&[1, 1, 0]))])?.exp(),
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "index_mask",
            |x| {
                x[0].index(&[IndexItem::Tensor(x[0].gt_scalar(0i64)?)])?
                    .exp()
            },
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "where",
            |x| Tensor::where_(&x[0].gt(&x[1])?, &x[0], &x[1])?.exp(),
            vec![r(&[2, 3]), r(&[3])],
            vec![true, true],
            true,
        ),
        (
            "masked_fill",
            |x| x[0].masked_fill(&x[0].lt_scalar(0i64)?, 0.5)?.exp(),
            vec![r(&[5])],
            vec![true],
            true,
        ),
        (
            "unbind",
            |x| {
                let v = x[0].unbind(1)?;
                v[0].mul(&v[2])?.add(&v[1].exp()?)
            },
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "split",
            |x| {
                let v = x[0].split(2, 1)?;
                v[0].sum_dim(&[1], false)?.mul(&v[1].sum_dim(&[1], false)?)
            },
            vec![r(&[2, 3])],
            vec![true],
            true,
        ),
        (
            "chunk_partial",
            |x| {
                let v = x[0].chunk(3, 0)?;
                v[1].exp()
            },
            vec![r(&[3, 2])],
            vec![true],
            true,
        ),
        (
            "ce_probs",
            |x| x[0].cross_entropy(&x[1].softmax(1)?, Reduction::Mean, -100),
            vec![r(&[3, 4]), r(&[3, 4])],
            vec![true, true],
            true,
        ),
        (
            "chain",
            |x| {
                x[0].mul(&x[1])?
                    .tanh()?
                    .add(&x[0].sigmoid()?)?
                    .mean_dim(&[0], true)
            },
            vec![r(&[2, 3]), r(&[2, 3])],
            vec![true, true],
            true,
        ),
    ];
    let n = cases.len();
    for (name, f, inputs, diff, so) in cases {
        check(name, f, inputs, &diff, so);
    }
    assert!(n >= 60);
}

#[test]
fn inplace_and_zero_backward() {
    // zero_/fill_ give zero gradient to the overwritten history
    let x = Tensor::from_data(vec![1.0, 2.0], &[2], DType::Float64).unwrap();
    x.requires_grad_(true).unwrap();
    let y = x.mul_scalar(2i64).unwrap();
    y.zero_().unwrap();
    let z = y.add(&x).unwrap().sum().unwrap();
    z.backward(None, None, false).unwrap();
    assert_eq!(x.grad().unwrap().to_vec(), vec![1.0, 1.0]);
}

#[test]
fn erf_matches_python() {
    // values from Python's math.erf
    let cases = [
        (0.3, 0.328_626_759_459_127_4),
        (1.0, 0.842_700_792_949_714_9),
        (2.5, 0.999_593_047_982_555),
        (-4.5, -0.999_999_999_803_383_9),
        (5.0, 0.999_999_999_998_462_5),
        (-0.1, -0.112_462_916_018_284_9),
    ];
    for (x, want) in cases {
        let t = Tensor::from_data(vec![x], &[1], DType::Float64).unwrap();
        let got = t.erf().unwrap().to_vec()[0];
        assert!((got - want).abs() < 1e-15, "erf({x}) = {got}, want {want}");
    }
}
