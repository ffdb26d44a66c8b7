//! `torch.nn.functional`: activations and losses.

use super::tensor::*;
use super::torch::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use autograd::{Elem, Reduction, Tensor};

// ---- torch.nn.functional ----

pub(crate) const FUNCTIONAL_FNS: &[(&str, F)] = &[
    ("relu", f_relu),
    ("sigmoid", f_sigmoid),
    ("tanh", f_tanh),
    ("softmax", f_softmax),
    ("log_softmax", f_log_softmax),
    ("mse_loss", f_mse_loss),
    ("cross_entropy", f_cross_entropy),
    ("nll_loss", f_nll_loss),
    ("linear", f_linear),
    ("l1_loss", f_l1_loss),
    ("smooth_l1_loss", f_smooth_l1_loss),
    ("huber_loss", f_huber_loss),
    ("soft_margin_loss", f_soft_margin_loss),
    ("binary_cross_entropy", f_bce),
    ("binary_cross_entropy_with_logits", f_bce_logits),
    ("gelu", f_gelu),
    ("silu", f_silu),
    ("elu", f_elu),
    ("softplus", f_softplus),
    ("leaky_relu", f_leaky_relu),
    ("one_hot", f_one_hot),
    ("hardtanh", f_hardtanh),
    ("_elem", f_elem),
];

pub(crate) fn first_tensor(args: &mut Args, fname: &str) -> PyResult<Tensor> {
    let v = args.arg(0, "input").unwrap_or(Value::None);
    tensor_arg(&v, fname, "input", 1)
}

pub(crate) fn f_relu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "relu")?;
    if inplace_arg(&mut args, 1) {
        return in_place(&mut args, t.relu_());
    }
    Ok(wrap(t.relu().py()?))
}

pub(crate) fn f_sigmoid(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    Ok(wrap(first_tensor(&mut args, "sigmoid")?.sigmoid().py()?))
}

pub(crate) fn f_tanh(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    Ok(wrap(first_tensor(&mut args, "tanh")?.tanh().py()?))
}

/// `dim` of `F.softmax` and friends; without one PyTorch warns and picks one from the rank.
fn softmax_dim(interp: &mut Interp, t: &Tensor, args: &mut Args, fname: &str) -> PyResult<isize> {
    match args.arg(1, "dim") {
        Some(Value::None) | None => {
            interp.warn(&format!("Implicit dimension choice for {fname} has been deprecated. Change the call to include dim=X as an argument."));
            Ok(if t.dim() == 0 || t.dim() == 1 || t.dim() == 3 {
                0
            } else {
                1
            })
        }
        Some(v) => dim_arg(&v),
    }
}

pub(crate) fn f_softmax(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "softmax")?;
    let d = softmax_dim(interp, &t, &mut args, "softmax")?;
    Ok(wrap(t.softmax(d).py()?))
}

pub(crate) fn f_log_softmax(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "log_softmax")?;
    let d = softmax_dim(interp, &t, &mut args, "log_softmax")?;
    Ok(wrap(t.log_softmax(d).py()?))
}

pub(crate) fn reduction_arg(v: Option<Value>) -> PyResult<Reduction> {
    match v.as_ref().and_then(|v| v.as_str()) {
        None | Some("mean") => Ok(Reduction::Mean),
        Some("sum") => Ok(Reduction::Sum),
        Some("none") => Ok(Reduction::None),
        Some(other) => Err(PyErr::value_error(format!(
            "{other} is not a valid value for reduction"
        ))),
    }
}

/// The regression losses broadcast a target of another shape against the input, which is
/// almost always a mistake (a `[N]` target against `[N, 1]` predictions): PyTorch warns.
fn warn_if_broadcast(interp: &mut Interp, input: &Tensor, target: &Tensor) {
    if input.shape() != target.shape() {
        interp.warn(&format!("Using a target size ({}) that is different to the input size ({}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.", autograd::format_size(target.shape()), autograd::format_size(input.shape())));
    }
}

pub(crate) fn f_mse_loss(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "mse_loss")?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, "mse_loss", "target", 2)?;
    warn_if_broadcast(interp, &input, &target);
    let red = reduction_arg(
        args.take_kw("reduction")
            .or_else(|| args.positional.get(4).cloned()),
    )?;
    Ok(wrap(input.mse_loss(&target, red).py()?))
}

pub(crate) fn f_cross_entropy(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "cross_entropy")?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, "cross_entropy", "target", 2)?;
    let ignore = match args.take_kw("ignore_index") {
        Some(v) => int_arg(&v, "ignore_index")?,
        None => -100,
    };
    let red = reduction_arg(args.take_kw("reduction"))?;
    let smoothing = match args.take_kw("label_smoothing") {
        Some(v) => f64_arg(&v, "label_smoothing")?,
        None => 0.0,
    };
    Ok(wrap(
        input
            .cross_entropy_smoothed(&target, red, ignore, smoothing)
            .py()?,
    ))
}

pub(crate) fn f_nll_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "nll_loss")?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, "nll_loss", "target", 2)?;
    let ignore = match args.take_kw("ignore_index") {
        Some(v) => int_arg(&v, "ignore_index")?,
        None => -100,
    };
    let red = reduction_arg(args.take_kw("reduction"))?;
    Ok(wrap(input.nll_loss(&target, red, ignore).py()?))
}

pub(crate) fn f_linear(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "linear")?;
    let w = args.arg(1, "weight").unwrap_or(Value::None);
    let w = tensor_arg(&w, "linear", "weight", 2)?;
    let b = args.arg(2, "bias").and_then(|v| tensor_of(&v));
    Ok(wrap(input.linear(&w, b.as_ref()).py()?))
}

pub(crate) fn loss_args(args: &mut Args, fname: &str) -> PyResult<(Tensor, Tensor, Reduction)> {
    let input = first_tensor(args, fname)?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, fname, "target", 2)?;
    let red = reduction_arg(args.take_kw("reduction"))?;
    Ok((input, target, red))
}

pub(crate) fn f_l1_loss(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "l1_loss")?;
    warn_if_broadcast(interp, &i, &t);
    Ok(wrap(i.l1_loss(&t, r).py()?))
}

pub(crate) fn f_smooth_l1_loss(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let beta = match args.take_kw("beta") {
        Some(b) => f64_arg(&b, "beta")?,
        None => 1.0,
    };
    let (i, t, r) = loss_args(&mut args, "smooth_l1_loss")?;
    warn_if_broadcast(interp, &i, &t);
    Ok(wrap(i.smooth_l1_loss(&t, r, beta).py()?))
}

pub(crate) fn f_soft_margin_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "soft_margin_loss")?;
    Ok(wrap(i.soft_margin_loss(&t, r).py()?))
}

pub(crate) fn f_huber_loss(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let delta = match args.take_kw("delta") {
        Some(b) => f64_arg(&b, "delta")?,
        None => 1.0,
    };
    let (i, t, r) = loss_args(&mut args, "huber_loss")?;
    warn_if_broadcast(interp, &i, &t);
    Ok(wrap(i.huber_loss(&t, r, delta).py()?))
}

pub(crate) fn f_bce(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "binary_cross_entropy")?;
    Ok(wrap(i.binary_cross_entropy(&t, r).py()?))
}

pub(crate) fn f_bce_logits(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "binary_cross_entropy_with_logits")?;
    Ok(wrap(i.binary_cross_entropy_with_logits(&t, r).py()?))
}

/// `inplace=True` at position `pos` (or by keyword).
fn inplace_arg(args: &mut Args, pos: usize) -> bool {
    match args.arg(pos, "inplace") {
        Some(Value::Bool(b)) => b,
        Some(Value::Int(i)) => i != 0,
        _ => false,
    }
}

/// Applies an activation in place: the input itself is returned.
fn in_place(args: &mut Args, r: autograd::Result<()>) -> PyResult<Value> {
    r.py()?;
    Ok(args.arg(0, "input").unwrap_or(Value::None))
}

pub(crate) fn f_unary(args: &mut Args, name: &str) -> PyResult<Value> {
    let t = first_tensor(args, name)?;
    let r = match name {
        "gelu" => {
            let tanh = match args.take_kw("approximate") {
                None => false,
                Some(v) => match v.as_str() {
                    Some("none") => false,
                    Some("tanh") => true,
                    _ => {
                        return Err(PyErr::runtime_error(
                            "approximate argument must be either none or tanh.",
                        ))
                    }
                },
            };
            t.gelu_approximate(tanh)
        }
        "silu" if inplace_arg(args, 1) => {
            return in_place(args, t.inplace_with(&[], &Tensor::silu))
        }
        "silu" => t.silu(),
        "elu" => {
            let a = match args.arg(1, "alpha") {
                Some(v) => f64_arg(&v, "alpha")?,
                None => 1.0,
            };
            if inplace_arg(args, 2) {
                let op = Elem::Elu {
                    alpha: a,
                    scale: 1.0,
                    input_scale: 1.0,
                    celu: false,
                };
                return in_place(args, t.elementwise_(op));
            }
            t.elu(a)
        }
        "softplus" => {
            let beta = match args.arg(1, "beta") {
                Some(v) => f64_arg(&v, "beta")?,
                None => 1.0,
            };
            let th = match args.arg(2, "threshold") {
                Some(v) => f64_arg(&v, "threshold")?,
                None => 20.0,
            };
            t.softplus(beta, th)
        }
        _ => {
            let s = match args.arg(1, "negative_slope") {
                Some(v) => f64_arg(&v, "negative_slope")?,
                None => 0.01,
            };
            if inplace_arg(args, 2) {
                return in_place(args, t.leaky_relu_(s));
            }
            t.leaky_relu(s)
        }
    };
    Ok(wrap(r.py()?))
}

pub(crate) fn f_gelu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "gelu")
}

pub(crate) fn f_silu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "silu")
}

pub(crate) fn f_elu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "elu")
}

pub(crate) fn f_softplus(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "softplus")
}

pub(crate) fn f_leaky_relu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "leaky_relu")
}

pub(crate) fn f_hardtanh(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "hardtanh")?;
    let bound = |v: Option<Value>, d: f64, what: &str| match v {
        Some(v) => f64_arg(&v, what),
        None => Ok(d),
    };
    let min = bound(args.arg(1, "min_val"), -1.0, "min_val")?;
    let max = bound(args.arg(2, "max_val"), 1.0, "max_val")?;
    if inplace_arg(&mut args, 3) {
        return in_place(&mut args, t.inplace_with(&[], &|s| s.hardtanh(min, max)));
    }
    Ok(wrap(t.hardtanh(min, max).py()?))
}

pub(crate) fn f_one_hot(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "one_hot")?;
    let n = match args.arg(1, "num_classes") {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    Ok(wrap(t.one_hot(n).py()?))
}

/// `torch.embedding(weight, indices, padding_idx=-1, ...)`: a negative `padding_idx` is none
/// (`F.embedding`, in the prelude, wraps the user's and checks its range).
pub(crate) fn t_embedding(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let w = args.arg(0, "weight").unwrap_or(Value::None);
    let w = tensor_arg(&w, "embedding", "weight", 1)?;
    let i = args.arg(1, "indices").unwrap_or(Value::None);
    let i = tensor_arg(&i, "embedding", "indices", 2)?;
    let pad = match args.arg(2, "padding_idx") {
        Some(v) => int_arg(&v, "padding_idx")?,
        None => -1,
    };
    let pad = usize::try_from(pad).ok();
    Ok(wrap(w.embedding(&i, pad).py()?))
}

pub(crate) fn t_addmm(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let b = tensor_arg(
        &args.arg(0, "input").unwrap_or(Value::None),
        "addmm",
        "input",
        1,
    )?;
    let m1 = tensor_arg(
        &args.arg(1, "mat1").unwrap_or(Value::None),
        "addmm",
        "mat1",
        2,
    )?;
    let m2 = tensor_arg(
        &args.arg(2, "mat2").unwrap_or(Value::None),
        "addmm",
        "mat2",
        3,
    )?;
    Ok(wrap(Tensor::addmm(&b, &m1, &m2).py()?))
}

/// `F._elem(name, input, a, b)`: the activations with their own node written in `prelude.py`
/// over this (`F.celu`, `F.selu`, `F.mish`, ...; `name_` in place); `F._elem('warn', msg)`
/// warns as from inside torch.
pub(crate) fn f_elem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let name = match args.arg(0, "name") {
        Some(Value::Str(s)) => s,
        _ => return Err(PyErr::type_error("_elem(): name must be str")),
    };
    if &*name == "warn" {
        if let Some(Value::Str(m)) = args.arg(1, "input") {
            interp.warn_from_library(&m);
        }
        return Ok(Value::None);
    }
    let base = name.trim_end_matches('_');
    let x = tensor_arg(
        &args.arg(1, "input").unwrap_or(Value::None),
        base,
        "input",
        1,
    )?;
    let p = |v: Option<Value>, what: &str| -> PyResult<f64> {
        match v {
            Some(v) => f64_arg(&v, what),
            None => Ok(1.0),
        }
    };
    let a = p(args.arg(2, "a"), "alpha")?;
    let b = p(args.arg(3, "b"), "value")?;
    // torch.nn.functional's SELU constants
    const SELU_ALPHA: f64 = 1.673_263_242_354_377_2;
    const SELU_SCALE: f64 = 1.050_700_987_355_480_5;
    let op = match base {
        "celu" if a == 0.0 => {
            return Err(PyErr::runtime_error(
                "ZeroDivisionError: alpha cannot be 0 for CELU",
            ))
        }
        "celu" => Elem::Elu {
            alpha: a,
            scale: 1.0,
            input_scale: 1.0 / a,
            celu: true,
        },
        "selu" => Elem::Elu {
            alpha: SELU_ALPHA,
            scale: SELU_SCALE,
            input_scale: 1.0,
            celu: false,
        },
        "elu" => Elem::Elu {
            alpha: a,
            scale: 1.0,
            input_scale: 1.0,
            celu: false,
        },
        "logsigmoid" => Elem::LogSigmoid,
        "hardswish" => Elem::Hardswish,
        "hardsigmoid" => Elem::Hardsigmoid,
        "mish" => Elem::Mish,
        "threshold" => Elem::Threshold(a, b),
        _ => {
            return Err(PyErr::type_error(format!(
                "_elem(): unknown function {name}"
            )))
        }
    };
    if name.ends_with('_') {
        x.elementwise_(op).py()?;
        return Ok(args.arg(1, "input").unwrap_or(Value::None));
    }
    Ok(wrap(x.elementwise(op).py()?))
}
