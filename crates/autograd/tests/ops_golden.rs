//! Op values, grad_fn names, next_functions and gradients match real PyTorch: the expected
//! text in golden/ops_cases.txt was produced by golden/gen_ops.py, which has the same table.

use ::autograd::{DType, IndexItem, Node, Reduction, Result, Tensor};
use std::rc::Rc;

type Case = (
    &'static str,
    Box<dyn Fn(&[Tensor]) -> Result<Tensor>>,
    Vec<(Vec<f64>, Vec<usize>)>,
);

fn a() -> (Vec<f64>, Vec<usize>) {
    (vec![0.5, -1.25, 2.0, 1.5, 0.75, -0.5], vec![2, 3])
}
fn b() -> (Vec<f64>, Vec<usize>) {
    (vec![1.0, 2.0, -0.5, 0.25, -1.5, 3.0], vec![2, 3])
}
fn p() -> (Vec<f64>, Vec<usize>) {
    (vec![0.5, 1.25, 2.0, 1.5, 0.75, 3.5], vec![2, 3])
}
fn v() -> (Vec<f64>, Vec<usize>) {
    (vec![1.0, -2.0, 0.5], vec![3])
}
fn m() -> (Vec<f64>, Vec<usize>) {
    (vec![1.0, 0.5, -1.0, 2.0, 0.25, 1.5], vec![3, 2])
}
fn t3() -> (Vec<f64>, Vec<usize>) {
    (
        (0..12).map(|i| i as f64 * 0.25 - 1.0).collect(),
        vec![2, 3, 2],
    )
}
fn t3b() -> (Vec<f64>, Vec<usize>) {
    (
        (0..8).map(|i| i as f64 * 0.5 - 1.5).collect(),
        vec![2, 2, 2],
    )
}
fn t3b_first_twice() -> (Vec<f64>, Vec<usize>) {
    let first: Vec<f64> = (0..4).map(|i| i as f64 * 0.5 - 1.5).collect();
    ([first.clone(), first].concat(), vec![2, 2, 2])
}

fn q() -> (Vec<f64>, Vec<usize>) {
    (vec![0.2, 0.7, 0.9, 0.4, 0.55, 0.1], vec![2, 3])
}
fn t01() -> (Vec<f64>, Vec<usize>) {
    (vec![0.0, 1.0, 1.0, 0.0, 1.0, 0.0], vec![2, 3])
}
fn bias2() -> (Vec<f64>, Vec<usize>) {
    (vec![0.5, -1.0], vec![2])
}

fn x33() -> (Vec<f64>, Vec<usize>) {
    (
        vec![1.0, -2.0, 3.0, 0.5, 5.0, -6.0, 7.0, 0.25, 9.0],
        vec![3, 3],
    )
}

fn long(v: &[i64]) -> Tensor {
    Tensor::from_data(
        v.iter().map(|&x| x as f64).collect(),
        &[v.len()],
        DType::Int64,
    )
    .unwrap()
}

macro_rules! case {
    ($name:expr, |$x:ident| $body:expr, [$($inp:expr),*]) => {
        ($name, Box::new(|$x: &[Tensor]| -> Result<Tensor> { $body }) as Box<dyn Fn(&[Tensor]) -> Result<Tensor>>, vec![$($inp),*])
    };
}

fn cases() -> Vec<Case> {
    vec![
        case!("add", |x| x[0].add(&x[1]), [a(), b()]),
        case!("add_bcast", |x| x[0].add(&x[1]), [a(), v()]),
        case!("add_scalar", |x| x[0].add_scalar(2i64), [a()]),
        case!("radd_scalar", |x| x[0].add_scalar(2i64), [a()]),
        case!("sub", |x| x[0].sub(&x[1]), [a(), b()]),
        case!("sub_scalar", |x| x[0].sub_scalar(2i64), [a()]),
        case!("rsub_scalar", |x| x[0].rsub_scalar(2i64), [a()]),
        case!("mul", |x| x[0].mul(&x[1]), [a(), b()]),
        case!("mul_bcast", |x| x[0].mul(&x[1]), [a(), v()]),
        case!("mul_scalar", |x| x[0].mul_scalar(3i64), [a()]),
        case!("div", |x| x[0].div(&x[1]), [a(), b()]),
        case!("div_scalar", |x| x[0].div_scalar(4i64), [a()]),
        case!("rdiv_scalar", |x| x[0].rdiv_scalar(2i64), [a()]),
        case!("neg", |x| x[0].neg(), [a()]),
        case!("pow_scalar", |x| x[0].pow_scalar(2i64), [a()]),
        case!("pow_half", |x| x[0].pow_scalar(0.5), [p()]),
        case!("rpow", |x| x[0].rpow_scalar(2i64), [a()]),
        case!("pow_tensor", |x| x[0].pow(&x[1]), [p(), b()]),
        case!("exp", |x| x[0].exp(), [a()]),
        case!("log", |x| x[0].log(), [p()]),
        case!("sqrt", |x| x[0].sqrt(), [p()]),
        case!("abs", |x| x[0].abs(), [a()]),
        case!("sin", |x| x[0].sin(), [a()]),
        case!("cos", |x| x[0].cos(), [a()]),
        case!("tanh", |x| x[0].tanh(), [a()]),
        case!("sigmoid", |x| x[0].sigmoid(), [a()]),
        case!("relu", |x| x[0].relu(), [a()]),
        case!("clamp", |x| x[0].clamp(Some(-1.0), Some(1.0)), [a()]),
        case!("clamp_min", |x| x[0].clamp(Some(0.0), None), [a()]),
        case!("clamp_max", |x| x[0].clamp(None, Some(1.0)), [a()]),
        case!("sum", |x| x[0].sum(), [a()]),
        case!("sum_dim", |x| x[0].sum_dim(&[0], false), [a()]),
        case!("sum_dim_keep", |x| x[0].sum_dim(&[1], true), [a()]),
        case!("mean", |x| x[0].mean(), [a()]),
        case!("mean_dim", |x| x[0].mean_dim(&[1], false), [a()]),
        case!("max", |x| x[0].max(), [a()]),
        case!("min", |x| x[0].min(), [a()]),
        case!("max_dim", |x| Ok(x[0].max_dim(1, false)?.0), [a()]),
        case!("min_dim_keep", |x| Ok(x[0].min_dim(0, true)?.0), [a()]),
        case!("mm", |x| x[0].mm(&x[1]), [a(), m()]),
        case!("mv", |x| x[0].mv(&x[1]), [a(), v()]),
        case!("dot", |x| x[0].dot(&x[1]), [v(), v()]),
        case!("matmul_2_2", |x| x[0].matmul(&x[1]), [a(), m()]),
        case!("matmul_1_2", |x| x[0].matmul(&x[1]), [v(), m()]),
        case!("matmul_2_1", |x| x[0].matmul(&x[1]), [a(), v()]),
        case!(
            "matmul_3_2",
            |x| x[0].matmul(&x[1]),
            [t3(), (vec![1.0, 2.0, 0.5, -1.0], vec![2, 2])]
        ),
        case!(
            "matmul_3_3",
            |x| x[0].matmul(&x[1]),
            [t3(), t3b_first_twice()]
        ),
        case!("bmm", |x| x[0].bmm(&x[1]), [t3(), t3b()]),
        case!("softmax", |x| x[0].softmax(1), [a()]),
        case!("log_softmax", |x| x[0].log_softmax(0), [a()]),
        case!(
            "mse_loss",
            |x| x[0].mse_loss(&x[1], Reduction::Mean),
            [a(), b()]
        ),
        case!(
            "mse_loss_sum",
            |x| x[0].mse_loss(&x[1], Reduction::Sum),
            [a(), b()]
        ),
        case!(
            "cat",
            |x| Tensor::cat(&[x[0].clone(), x[1].clone()], 0),
            [a(), b()]
        ),
        case!(
            "cat1",
            |x| Tensor::cat(&[x[0].clone(), x[1].clone()], 1),
            [a(), b()]
        ),
        case!(
            "stack",
            |x| Tensor::stack(&[x[0].clone(), x[1].clone()], 0),
            [a(), b()]
        ),
        case!(
            "stack1",
            |x| Tensor::stack(&[x[0].clone(), x[1].clone()], 1),
            [a(), b()]
        ),
        case!("clone", |x| x[0].clone_tensor(), [a()]),
        case!("view", |x| x[0].view(&[3, 2]), [a()]),
        case!("view_infer", |x| x[0].view(&[-1]), [a()]),
        case!("reshape_noncontig", |x| x[0].t()?.reshape(&[6]), [a()]),
        case!("t", |x| x[0].t(), [a()]),
        case!("transpose", |x| x[0].transpose(0, 2), [t3()]),
        case!("permute", |x| x[0].permute(&[2, 0, 1]), [t3()]),
        case!("unsqueeze", |x| x[0].unsqueeze(1), [a()]),
        case!("squeeze", |x| x[0].unsqueeze(0)?.squeeze(), [a()]),
        case!("squeeze_dim", |x| x[0].unsqueeze(0)?.squeeze_dim(0), [a()]),
        case!("expand", |x| x[0].expand_sizes(&[2, 3]), [v()]),
        case!("select", |x| x[0].index(&[IndexItem::Int(1)]), [a()]),
        case!(
            "select_neg",
            |x| x[0].index(&[IndexItem::Slice(None, None, None), IndexItem::Int(-1)]),
            [a()]
        ),
        case!(
            "slice",
            |x| x[0].index(&[
                IndexItem::Slice(None, None, None),
                IndexItem::Slice(Some(1), None, None)
            ]),
            [a()]
        ),
        case!(
            "slice_step",
            |x| x[0].index(&[IndexItem::Slice(None, None, Some(2))]),
            [v()]
        ),
        case!(
            "index_tensor",
            |x| x[0].index(&[IndexItem::Tensor(long(&[1, 0, 1]))]),
            [a()]
        ),
        case!(
            "index_mask",
            |x| x[0].index(&[IndexItem::Tensor(x[0].gt_scalar(0i64)?)]),
            [a()]
        ),
        case!("index_none", |x| x[0].index(&[IndexItem::None]), [v()]),
        case!("flatten", |x| x[0].flatten(0, -1), [t3()]),
        case!("contiguous", |x| x[0].t()?.contiguous(), [a()]),
        case!("double", |x| x[0].to_dtype(DType::Float64), [a()]),
        case!(
            "where",
            |x| Tensor::where_(&x[0].gt_scalar(0i64)?, &x[0], &x[1]),
            [a(), b()]
        ),
        case!(
            "masked_fill",
            |x| x[0].masked_fill(&x[0].lt_scalar(0i64)?, 0.0),
            [a()]
        ),
        case!(
            "chain",
            |x| x[0].mul(&x[1])?.exp()?.add(&x[0].sin()?)?.mean(),
            [a(), b()]
        ),
        case!(
            "square_sum",
            |x| x[0].mul(&x[0])?.sum_dim(&[1], false)?.sqrt(),
            [a()]
        ),
        case!("log1p", |x| x[0].log1p(), [p()]),
        case!("log2", |x| x[0].log2(), [p()]),
        case!("floor", |x| x[0].floor(), [a()]),
        case!("round", |x| x[0].mul_scalar(2i64)?.round(), [a()]),
        case!("maximum", |x| x[0].maximum(&x[1]), [a(), b()]),
        case!("minimum", |x| x[0].minimum(&x[1]), [a(), b()]),
        case!("prod", |x| x[0].prod(), [a()]),
        case!("var", |x| x[0].var(&[], 1.0, false), [a()]),
        case!("std", |x| x[0].std(&[], 1.0, false), [a()]),
        case!("var_dim", |x| x[0].var(&[1], 1.0, false), [a()]),
        case!("std_dim_keep", |x| x[0].std(&[0], 1.0, true), [a()]),
        case!("norm", |x| x[0].norm(), [a()]),
        case!("leaky_relu", |x| x[0].leaky_relu(0.1), [a()]),
        case!("T", |x| x[0].permute(&[1, 0]), [a()]),
        case!("ones_grad_int_pow", |x| x[0].pow_scalar(3i64), [a()]),
        case!("clamp_min_method", |x| x[0].clamp_min(0.0), [a()]),
        case!("clamp_max_method", |x| x[0].clamp_max(0.6), [a()]),
        case!("cumsum", |x| x[0].cumsum(1), [a()]),
        case!("cumsum0", |x| x[0].cumsum(0), [t3()]),
        case!("flip", |x| x[0].flip(&[0]), [a()]),
        case!("flip2", |x| x[0].flip(&[0, 2]), [t3()]),
        case!("remainder", |x| x[0].remainder(&x[1]), [a(), b()]),
        case!(
            "remainder_scalar",
            |x| x[0].remainder(&Tensor::wrapped(0.75.into())),
            [a()]
        ),
        case!("rremainder", |x| x[0].rremainder_scalar(2i64), [p()]),
        case!("floor_divide", |x| x[0].floor_divide(&x[1]), [a(), b()]),
        case!(
            "exp_inplace",
            |x| {
                let y = x[0].mul_scalar(1i64)?;
                y.exp_()?;
                Ok(y)
            },
            [a()]
        ),
        case!(
            "relu_inplace",
            |x| {
                let y = x[0].mul_scalar(1i64)?;
                y.relu_()?;
                Ok(y)
            },
            [a()]
        ),
        case!(
            "sigmoid_inplace",
            |x| {
                let y = x[0].mul_scalar(1i64)?;
                y.sigmoid_()?;
                Ok(y)
            },
            [a()]
        ),
        case!(
            "neg_inplace",
            |x| {
                let y = x[0].mul_scalar(1i64)?;
                y.neg_()?;
                Ok(y)
            },
            [a()]
        ),
        case!(
            "linear",
            |x| x[0].linear(&x[1], Some(&x[2])),
            [a(), b(), bias2()]
        ),
        case!("linear_nobias", |x| x[0].linear(&x[1], None), [a(), b()]),
        case!(
            "linear_1d",
            |x| x[0].linear(&x[1], Some(&x[2])),
            [v(), b(), bias2()]
        ),
        case!(
            "linear_3d",
            |x| x[0].linear(&x[1], Some(&x[2])),
            [t3(), m(), v()]
        ),
        case!(
            "addmm",
            |x| Tensor::addmm(&x[0].slice(0, 0, 2, 1)?, &x[1], &x[2]),
            [bias2(), a(), m()]
        ),
        case!(
            "bce",
            |x| x[0].binary_cross_entropy(&x[1], Reduction::Mean),
            [q(), t01()]
        ),
        case!(
            "bce_sum",
            |x| x[0].binary_cross_entropy(&x[1], Reduction::Sum),
            [q(), t01()]
        ),
        case!(
            "bce_logits",
            |x| x[0].binary_cross_entropy_with_logits(&x[1], Reduction::Mean),
            [a(), t01()]
        ),
        case!(
            "l1_loss",
            |x| x[0].l1_loss(&x[1], Reduction::Mean),
            [a(), b()]
        ),
        case!(
            "smooth_l1",
            |x| x[0].smooth_l1_loss(&x[1], Reduction::Mean, 1.0),
            [a(), b()]
        ),
        case!(
            "huber",
            |x| x[0].huber_loss(&x[1], Reduction::Mean, 0.5),
            [a(), b()]
        ),
        case!("erf", |x| x[0].erf(), [a()]),
        case!("gelu", |x| x[0].gelu(), [a()]),
        case!("silu", |x| x[0].silu(), [a()]),
        case!("elu", |x| x[0].elu(1.0), [a()]),
        case!("softplus", |x| x[0].softplus(1.0, 20.0), [a()]),
        case!(
            "index_multi",
            |x| x[0].index(&[
                IndexItem::Tensor(long(&[1, 0, 1])),
                IndexItem::Tensor(long(&[2, 0, 1]))
            ]),
            [a()]
        ),
        case!(
            "index_multi_bcast",
            |x| x[0].index(&[
                IndexItem::Tensor(long(&[0, 1]).reshape(&[2, 1])?),
                IndexItem::Tensor(long(&[0, 2]))
            ]),
            [a()]
        ),
        case!(
            "index_0d",
            |x| x[0].index(&[IndexItem::Tensor(Tensor::scalar(1i64.into()))]),
            [a()]
        ),
        case!(
            "pick_logp",
            |x| x[0]
                .log_softmax(1)?
                .index(&[
                    IndexItem::Tensor(long(&[0, 1])),
                    IndexItem::Tensor(long(&[2, 0]))
                ])?
                .mean()?
                .neg(),
            [a()]
        ),
        case!(
            "index_3d_mid",
            |x| x[0].index(&[
                IndexItem::Slice(None, None, None),
                IndexItem::Tensor(long(&[2, 0])),
                IndexItem::Tensor(long(&[1, 1]))
            ]),
            [t3()]
        ),
        case!(
            "ce_probs",
            |x| x[0].cross_entropy(&x[1], Reduction::Mean, -100),
            [a(), q()]
        ),
        case!(
            "ce_probs_sum",
            |x| x[0].cross_entropy(&x[1], Reduction::Sum, -100),
            [a(), q()]
        ),
        case!(
            "ce_probs_none",
            |x| x[0].cross_entropy(&x[1], Reduction::None, -100),
            [a(), q()]
        ),
        case!("tril", |x| x[0].tril(0), [x33()]),
        case!("triu1", |x| x[0].triu(1), [x33()]),
        case!("tril_neg", |x| x[0].tril(-1), [a()]),
        case!("trace", |x| x[0].trace(), [x33()]),
        case!("diag2d", |x| x[0].diag(0), [x33()]),
        case!("diag2d_off", |x| x[0].diag(1), [x33()]),
        case!("diag1d", |x| x[0].diag(0), [v()]),
        case!("diagonal", |x| x[0].diagonal(0), [a()]),
        case!("repeat", |x| x[0].repeat(&[2, 1]), [a()]),
        case!("repeat_lead", |x| x[0].repeat(&[2, 2]), [v()]),
        case!(
            "nll_loss",
            |x| x[0]
                .log_softmax(1)?
                .nll_loss(&long(&[2, 0]), Reduction::Mean, -100),
            [a()]
        ),
        case!(
            "cross_entropy",
            |x| x[0].cross_entropy(&long(&[2, 0]), Reduction::Mean, -100),
            [a()]
        ),
        case!(
            "cross_entropy_sum",
            |x| x[0].cross_entropy(&long(&[1, 1]), Reduction::Sum, -100),
            [a()]
        ),
    ]
}

fn nf(n: &Rc<Node>) -> String {
    let parts: Vec<String> = n
        .next_functions()
        .iter()
        .map(|e| match e {
            Some((node, nr)) => format!("({}, {nr})", node.name()),
            None => "(None, 0)".to_string(),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

fn run_case(
    f: &dyn Fn(&[Tensor]) -> Result<Tensor>,
    data: &[(Vec<f64>, Vec<usize>)],
    out: &mut Vec<String>,
) -> Result<()> {
    let inputs: Vec<Tensor> = data
        .iter()
        .map(|(v, s)| {
            let t = Tensor::from_data(v.clone(), s, DType::Float32).unwrap();
            t.requires_grad_(true).unwrap();
            t
        })
        .collect();
    let r = f(&inputs)?;
    out.push(format!("{r}"));
    if let Some(n) = r.grad_fn() {
        out.push(format!("grad_fn: {}", n.name()));
        out.push(format!("next: {}", nf(&n)));
    }
    r.sum()?.backward(None, None, false)?;
    for (i, x) in inputs.iter().enumerate() {
        match x.grad() {
            Some(g) => out.push(format!("grad{i}: {g}")),
            None => out.push(format!("grad{i}: None")),
        }
    }
    Ok(())
}

#[test]
fn ops_match_torch() {
    let expected_text = include_str!("golden/ops_cases.txt");
    let mut expected: Vec<(String, String)> = Vec::new();
    for block in expected_text.split("## ").skip(1) {
        let (name, body) = block.split_once('\n').unwrap_or((block, ""));
        expected.push((name.trim().to_string(), body.trim_end().to_string()));
    }
    let mut failures = Vec::new();
    let cases = cases();
    for (name, f, data) in &cases {
        let mut lines = Vec::new();
        if let Err(e) = run_case(f.as_ref(), data, &mut lines) {
            lines.push(format!("err: {}: {}", e.kind.name(), e.message));
        }
        let got = lines.join("\n");
        let exp = expected
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone())
            .unwrap_or_default();
        if got != exp {
            failures.push(format!("## {name}\n--- expected\n{exp}\n--- got\n{got}"));
        }
    }
    assert_eq!(
        cases.len() + 1,
        expected.len(),
        "case tables differ in length"
    );
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
