//! Tensor methods: `x.name(*args, **kwargs)` dispatched to `autograd`.

use super::backward::*;
use super::builtin_fn;
use super::tensor::*;
use super::torch::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use autograd::{Bin, DType, Elem, Reduction, Tensor};
use std::any::Any;
use std::rc::Rc;

// ---- tensor methods ----

pub(crate) fn opt_dims(interp: &mut Interp, v: Option<Value>) -> PyResult<Option<Vec<isize>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(vec![i as isize])),
        Some(v) => Ok(Some(
            interp
                .collect(&v)?
                .iter()
                .map(dim_arg)
                .collect::<PyResult<_>>()?,
        )),
    }
}

pub(crate) fn keepdim(interp: &mut Interp, args: &mut Args, pos: usize) -> PyResult<bool> {
    match args.arg(pos, "keepdim") {
        Some(v) => interp.truthy(&v),
        None => Ok(false),
    }
}

pub(crate) fn int_list(interp: &mut Interp, args: &[Value], fname: &str) -> PyResult<Vec<isize>> {
    Ok(shape_args(interp, args, fname)?
        .into_iter()
        .map(|d| d as isize)
        .collect())
}

/// Dispatches `x.name(*args, **kwargs)`. The methods are matched in four functions rather
/// than one: as one function they were 74 KB of wasm (with autograd at opt-level 3), and the
/// browser compiles a hot function with its optimising tier as a whole, in the background
/// while the program runs on, which made a fresh worker's first training run about twice as
/// slow as the next (see BENCHMARKS.md). Each part is compiled when it is used; the often
/// used ones come first, so common names fall through only small parts. (`index.html` keeps
/// wasm-opt from inlining the parts back into this function.)
pub(crate) fn tensor_method(
    interp: &mut Interp,
    pt: &PyTensor,
    this: &Value,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    if let Some(r) = tensor_methods_core(interp, pt, this, name, &mut args)? {
        return Ok(r);
    }
    if let Some(r) = tensor_methods_unary(pt, this, name, &args)? {
        return Ok(r);
    }
    // `more` before `math`: it has the arithmetic (`x.mul(y)`, what `add_(d, alpha=a)` calls),
    // so common calls never pass through the math part, which then is compiled only if used.
    if let Some(r) = tensor_methods_more(interp, pt, this, name, &mut args)? {
        return Ok(r);
    }
    if let Some(r) = tensor_methods_math(interp, pt, this, name, &mut args)? {
        return Ok(r);
    }
    Err(PyErr::attribute_error(format!(
        "'Tensor' object has no attribute '{name}'"
    )))
}

/// Tensor methods, part: autograd state, in-place updates, shapes and views; `Ok(None)` for
/// other names.
#[inline(never)]
fn tensor_methods_core(
    interp: &mut Interp,
    pt: &PyTensor,
    this: &Value,
    name: &str,
    args: &mut Args,
) -> PyResult<Option<Value>> {
    let t = &pt.t;
    let p0 = args.positional.first().cloned();
    let unit = |r: autograd::Result<()>| -> PyResult<Value> {
        r.py()?;
        Ok(this.clone())
    };
    let v = |r: autograd::Result<Tensor>| -> PyResult<Value> { r.py().map(wrap) };
    let r = match name {
        "backward" => {
            let gradient = args.arg(0, "gradient").and_then(|g| tensor_of(&g));
            let retain = args.arg(1, "retain_graph");
            let retain = opt_bool(interp, retain)?;
            let create = args.arg(2, "create_graph");
            let create = opt_bool(interp, create)?.unwrap_or(false);
            if create {
                super::backward::warn_create_graph(interp);
            }
            if let Some(inputs) = args.arg(3, "inputs") {
                let ins = tensors_arg(interp, &inputs, "backward")?;
                lend_interp(interp, || {
                    autograd::backward_with_inputs(
                        std::slice::from_ref(t),
                        &[gradient],
                        retain,
                        create,
                        &ins,
                    )
                })
                .py()?;
                return Ok(Some(Value::None));
            }
            run_backward(interp, std::slice::from_ref(t), &[gradient], retain, create)?;
            Ok(Value::None)
        }
        "item" => Ok(py_scalar(t.item().py()?)),
        "tolist" => Ok(nested_to_value(&t.tolist())),
        "size" => match args.arg(0, "dim") {
            None | Some(Value::None) => Ok(size_value(t.shape().to_vec())),
            Some(d) => {
                let d = dim_arg(&d)?;
                let n = t.dim() as isize;
                let i = if d < 0 { d + n } else { d };
                if i < 0 || i >= n.max(1) || n == 0 {
                    return Err(PyErr::index_error(format!(
                        "Dimension out of range (expected to be in range of [{}, {}], but got {d})",
                        -(n.max(1)),
                        n.max(1) - 1
                    )));
                }
                Ok(Value::Int(t.shape()[i as usize] as i64))
            }
        },
        "dim" | "ndimension" => Ok(Value::Int(t.dim() as i64)),
        "numel" | "nelement" => Ok(Value::Int(t.numel() as i64)),
        "detach" => Ok(wrap(t.detach())),
        "__deepcopy__" => {
            // `Tensor.__deepcopy__` (torch/_tensor.py): leaves only; the copy has its own
            // storage, the same requires_grad and a copy of `.grad` (`copy.deepcopy` keeps the
            // memo)
            if !t.is_leaf() {
                return Err(PyErr::runtime_error("Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001"));
            }
            let c = t.detach().clone_tensor().py()?;
            c.requires_grad_(t.requires_grad()).py()?;
            // (`Parameter.__deepcopy__` leaves `.grad` behind)
            if let Some(g) = t.grad().filter(|_| !pt.param) {
                c.set_grad(Some(g.detach().clone_tensor().py()?)).py()?;
            }
            Ok(if pt.param {
                super::tensor::wrap_param(c)
            } else {
                wrap(c)
            })
        }
        "detach_" => unit(t.detach_()),
        "requires_grad_" => {
            let flag = match args.arg(0, "requires_grad") {
                Some(f) => interp.truthy(&f)?,
                None => true,
            };
            unit(t.requires_grad_(flag))
        }
        "retain_grad" => {
            t.retain_grad().py()?;
            Ok(Value::None)
        }
        "register_hook" => {
            let f = p0.ok_or_else(|| {
                PyErr::type_error("register_hook() missing 1 required positional argument: 'hook'")
            })?;
            let handle = t.register_hook(python_hook(f)).py()?;
            Ok(Value::Native(Rc::new(HookHandleObj {
                tensor: t.clone(),
                handle,
            })))
        }
        "zero_" => unit(t.zero_()),
        "fill_" => {
            let s = scalar_of(&p0.unwrap_or(Value::Int(0)))
                .ok_or_else(|| PyErr::type_error("fill_(): argument 'value' must be Number"))?;
            unit(t.fill_(s))
        }
        "add_" | "sub_" | "mul_" | "div_" => {
            let other = args.arg(0, "other").unwrap_or(Value::None);
            let alpha = args.take_kw("alpha");
            if let Some((o, a)) = fused_alpha(name, t, &other, alpha.as_ref())? {
                // `p.add_(d_p, alpha=-lr)`: one rounding, as PyTorch's kernel
                return unit(if name == "add_" {
                    t.add_alpha_(&o, a)
                } else {
                    t.sub_alpha_(&o, a)
                })
                .map(Some);
            }
            let other = match alpha {
                Some(a) => {
                    let a =
                        scalar_of(&a).ok_or_else(|| PyErr::type_error("alpha must be a Number"))?;
                    match tensor_of(&other) {
                        Some(o) => Value::Native(Rc::new(PyTensor {
                            t: o.mul_scalar(a).py()?,
                            param: false,
                        })),
                        None => interp.binary_op(&other, &py_scalar(a), crate::ast::BinOp::Mult)?,
                    }
                }
                None => other,
            };
            let r = match (name, tensor_of(&other), scalar_of(&other)) {
                ("add_", Some(o), _) => t.add_(&o),
                ("sub_", Some(o), _) => t.sub_(&o),
                ("mul_", Some(o), _) => t.mul_(&o),
                ("div_", Some(o), _) => t.div_(&o),
                ("add_", None, Some(s)) => t.add_scalar_(s),
                ("sub_", None, Some(s)) => t.sub_scalar_(s),
                ("mul_", None, Some(s)) => t.mul_scalar_(s),
                ("div_", None, Some(s)) => t.div_scalar_(s),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "{name}(): argument 'other' must be Tensor or Number, not {}",
                        other.type_name()
                    )))
                }
            };
            unit(r)
        }
        "addcmul_" | "addcdiv_" | "addcmul" | "addcdiv" => {
            let t1 = tensor_arg(
                &args.arg(0, "tensor1").unwrap_or(Value::None),
                name,
                "tensor1",
                1,
            )?;
            let t2 = tensor_arg(
                &args.arg(1, "tensor2").unwrap_or(Value::None),
                name,
                "tensor2",
                2,
            )?;
            let value = f64_arg(&args.take_kw("value").unwrap_or(Value::Int(1)), "value")?;
            match name {
                "addcmul_" => unit(t.addcmul_(&t1, &t2, value)),
                "addcdiv_" => unit(t.addcdiv_(&t1, &t2, value)),
                "addcmul" => v(t.addcmul(&t1, &t2, value)),
                _ => v(t.addcdiv(&t1, &t2, value)),
            }
        }
        "lerp_" | "lerp" => {
            let end = tensor_arg(&args.arg(0, "end").unwrap_or(Value::None), name, "end", 1)?;
            let w = f64_arg(&args.arg(1, "weight").unwrap_or(Value::None), "weight")?;
            if name == "lerp" {
                v(t.lerp(&end, w))
            } else {
                unit(t.lerp_(&end, w))
            }
        }
        "pow_" => {
            let s = scalar_of(&p0.unwrap_or(Value::Int(1)))
                .ok_or_else(|| PyErr::type_error("pow_(): argument 'exponent' must be Number"))?;
            unit(t.pow_scalar_(s))
        }
        "clamp_min_" | "clamp_max_" => {
            let b = p0.unwrap_or(Value::Int(0));
            let bound = f64_arg(&b, &name[6..9])?;
            let min = name == "clamp_min_";
            if matches!(b, Value::Float(_)) && !t.dtype().is_floating_point() {
                // ATen's clamp checks with C++'s type names
                let c = match t.dtype() {
                    DType::Int64 => "long int",
                    DType::Int32 => "int",
                    DType::Int16 => "short int",
                    _ => "bool",
                };
                return Err(PyErr::new(
                    "RuntimeError",
                    format!("result type Float can't be cast to the desired output type {c}"),
                ));
            }
            unit(t.inplace_with(&[], &|s| {
                if min {
                    s.clamp_min(bound)
                } else {
                    s.clamp_max(bound)
                }
            }))
        }
        "clamp_min" | "clamp_max" => {
            let b = p0.unwrap_or(Value::Int(0));
            let bound = f64_arg(&b, &name[6..])?;
            let t = t
                .promoted_with(&scalar_of(&b).into_iter().collect::<Vec<_>>())
                .py()?;
            v(if name == "clamp_min" {
                t.clamp_min(bound)
            } else {
                t.clamp_max(bound)
            })
        }
        "clamp_" | "clamp" | "clip_" | "clip" => {
            let (lo, hi) = (args.arg(0, "min"), args.arg(1, "max"));
            let is_t = |v: &Option<Value>| v.as_ref().and_then(tensor_of).is_some();
            if !name.ends_with('_') && (is_t(&lo) || is_t(&hi)) {
                return clamp_tensor_bounds(t, name, lo, hi).map(Some);
            }
            let f = |v: Option<Value>| -> PyResult<Option<f64>> {
                match v {
                    None | Some(Value::None) => Ok(None),
                    Some(v) => f64_arg(&v, "min").map(Some),
                }
            };
            let scalars: Vec<_> = [&lo, &hi]
                .into_iter()
                .filter_map(|b| b.as_ref().and_then(scalar_of))
                .collect();
            let (lo, hi) = (f(lo)?, f(hi)?);
            if name.ends_with('_') {
                unit(t.clamp_(lo, hi))
            } else {
                v(t.promoted_with(&scalars).py()?.clamp(lo, hi))
            }
        }
        "copy_" => {
            let src = tensor_arg(&p0.unwrap_or(Value::None), "copy_", "src", 1)?;
            unit(t.copy_(&src))
        }
        "clone" => v(t.clone_tensor()),
        "contiguous" => v(t.contiguous()),
        "view" | "reshape" => {
            if let Some(d) = args.positional.first().and_then(as_dtype) {
                if name == "view" {
                    return v(t.to_dtype(d)).map(Some);
                }
            }
            let shape = int_list(interp, &args.positional, name)?;
            if name == "view" {
                v(t.view(&shape))
            } else {
                v(t.reshape(&shape))
            }
        }
        "view_as" | "reshape_as" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), name, "other", 1)?;
            let shape: Vec<isize> = o.shape().iter().map(|d| *d as isize).collect();
            v(t.reshape(&shape))
        }
        "flatten" => {
            let s = match args.arg(0, "start_dim") {
                Some(x) => dim_arg(&x)?,
                None => 0,
            };
            let e = match args.arg(1, "end_dim") {
                Some(x) => dim_arg(&x)?,
                None => -1,
            };
            v(t.flatten(s, e))
        }
        "t" => v(t.t()),
        "transpose" => {
            let a = dim_arg(&args.arg(0, "dim0").unwrap_or(Value::Int(0)))?;
            let b = dim_arg(&args.arg(1, "dim1").unwrap_or(Value::Int(1)))?;
            v(t.transpose(a, b))
        }
        "permute" => {
            let dims = int_list(interp, &args.positional, "permute")?;
            v(t.permute(&dims))
        }
        "unsqueeze" => v(t.unsqueeze(dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(0)))?)),
        "squeeze" => match args.arg(0, "dim") {
            None | Some(Value::None) => v(t.squeeze()),
            Some(d @ (Value::Int(_) | Value::Bool(_))) => v(t.squeeze_dim(dim_arg(&d)?)),
            Some(d) => {
                let dims = opt_dims(interp, Some(d))?.unwrap_or_default();
                v(t.squeeze_list(&dims))
            }
        },
        "expand" => {
            let sizes: Vec<i64> = shape_args(interp, &args.positional, "expand")?;
            v(t.expand_sizes(&sizes))
        }
        "expand_as" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), "expand_as", "other", 1)?;
            v(t.expand_as(&o))
        }
        _ => return Ok(None),
    };
    r.map(Some)
}

/// Tensor methods, part: reductions and other math taking arguments; `Ok(None)` for other names.
#[inline(never)]
fn tensor_methods_math(
    interp: &mut Interp,
    pt: &PyTensor,
    this: &Value,
    name: &str,
    args: &mut Args,
) -> PyResult<Option<Value>> {
    let t = &pt.t;
    let p0 = args.positional.first().cloned();
    let unit = |r: autograd::Result<()>| -> PyResult<Value> {
        r.py()?;
        Ok(this.clone())
    };
    let v = |r: autograd::Result<Tensor>| -> PyResult<Value> { r.py().map(wrap) };
    let r = match name {
        "atan2" | "arctan2" | "fmod" | "xlogy" | "_rxlogy" | "atan2_" | "arctan2_" | "fmod_"
        | "xlogy_" | "fmin" | "fmax" | "copysign" | "hypot" | "copysign_" | "hypot_" => {
            let base = name.trim_end_matches('_');
            let op = match base {
                "fmod" => Bin::Fmod,
                "xlogy" | "_rxlogy" => Bin::Xlogy,
                "fmin" => Bin::Fmin,
                "fmax" => Bin::Fmax,
                "copysign" => Bin::Copysign,
                "hypot" => Bin::Hypot,
                _ => Bin::Atan2,
            };
            let o = args.arg(0, "other").unwrap_or(Value::None);
            let o = match (tensor_of(&o), scalar_of(&o)) {
                (Some(o), _) => o,
                (None, Some(s)) if matches!(op, Bin::Fmod | Bin::Xlogy | Bin::Copysign) => {
                    Tensor::wrapped(s)
                }
                _ => {
                    return Err(PyErr::type_error(format!(
                        "{name}(): argument 'other' (position 1) must be Tensor, not {}",
                        o.type_name()
                    )))
                }
            };
            if name == "_rxlogy" {
                return v(o.binary_fn(t, op)).map(Some);
            }
            if name.ends_with('_') {
                unit(t.binary_fn_(&o, op))
            } else {
                v(t.binary_fn(&o, op))
            }
        }
        "logit" | "logit_" => {
            let eps = match args.arg(0, "eps") {
                None | Some(Value::None) => -1.0,
                Some(e) => scalar_of(&e).map(|s| s.to_f64()).ok_or_else(|| {
                    PyErr::type_error(format!(
                        "logit(): argument 'eps' (position 1) must be float, not {}",
                        e.type_name()
                    ))
                })?,
            };
            if name == "logit_" {
                unit(t.elementwise_(Elem::Logit(eps)))
            } else {
                v(t.elementwise(Elem::Logit(eps)))
            }
        }
        "nansum" | "nanmean" => {
            let dims = opt_dims(interp, args.arg(0, "dim"))?.unwrap_or_default();
            let kd = keepdim(interp, args, 1)?;
            let base = match dtype_kw(args)? {
                Some(d) => t.to_dtype(d).py()?,
                None => t.clone(),
            };
            if name == "nansum" {
                v(base.nansum(&dims, kd))
            } else if !base.dtype().is_floating_point() {
                Err(PyErr::not_implemented(format!(
                    "nanmean(): expected input to have floating point or complex dtype but got {}",
                    base.dtype().scalar_name()
                )))
            } else {
                // ATen: nansum(self, dim, keepdim) / isnan(self).logical_not_().sum(dim, keepdim)
                let count = base.isnan().py()?.logical_not().py()?;
                let count = if dims.is_empty() && !kd {
                    count.sum()
                } else {
                    let all: Vec<isize> = (0..base.dim() as isize).collect();
                    count.sum_dim(if dims.is_empty() { &all } else { &dims }, kd)
                };
                v(base.nansum(&dims, kd).and_then(|s| s.div(&count?)))
            }
        }
        "median" => match args.arg(0, "dim") {
            None | Some(Value::None) => v(t.median()),
            Some(d) => {
                let d = dim_arg(&d)?;
                let kd = keepdim(interp, args, 1)?;
                let (a, b) = t.median_dim(d, kd).py()?;
                Ok(minmax_result(name, a, b))
            }
        },
        "cummax" | "cummin" | "logcumsumexp" => {
            let Some(d) = args.arg(0, "dim") else {
                return Err(PyErr::type_error(format!(
                    "{name}() missing 1 required positional arguments: \"dim\""
                )));
            };
            let d = dim_arg(&d)?;
            if name == "logcumsumexp" {
                return v(t.logcumsumexp(d)).map(Some);
            }
            let (a, b) = t.cummax(d, name == "cummin").py()?;
            Ok(minmax_result(name, a, b))
        }
        "sum" | "mean" => {
            let dims = opt_dims(interp, args.arg(0, "dim"))?;
            let kd = keepdim(interp, args, 1)?;
            let dtype = dtype_kw(args)?;
            let base = match dtype {
                Some(d) => t.to_dtype(d).py()?,
                None => t.clone(),
            };
            match (name, dims) {
                ("sum", None) => v(base.sum()),
                (_, None) => v(base.mean()),
                ("sum", Some(d)) => v(base.sum_dim(&d, kd)),
                (_, Some(d)) => v(base.mean_dim(&d, kd)),
            }
        }
        "gather" | "index_select" => {
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::None))?;
            let index = tensor_arg(
                &args.arg(1, "index").unwrap_or(Value::None),
                name,
                "index",
                2,
            )?;
            v(if name == "gather" {
                t.gather(d, &index)
            } else {
                t.index_select(d, &index)
            })
        }
        "amax" | "amin" | "logsumexp" => {
            let dims = opt_dims(interp, args.arg(0, "dim"))?.unwrap_or_default();
            let kd = keepdim(interp, args, 1)?;
            v(if name == "logsumexp" {
                t.logsumexp(&dims, kd)
            } else {
                t.amax(&dims, kd, name == "amin")
            })
        }
        "max" | "min" => {
            if let Some(o) = p0.as_ref().and_then(tensor_of) {
                let r = if name == "max" {
                    t.maximum(&o)
                } else {
                    t.minimum(&o)
                };
                return v(r).map(Some);
            }
            match args.arg(0, "dim") {
                None | Some(Value::None) => v(if name == "max" { t.max() } else { t.min() }),
                Some(d) => {
                    let d = dim_arg(&d)?;
                    let kd = keepdim(interp, args, 1)?;
                    let (a, b) = if name == "max" {
                        t.max_dim(d, kd)
                    } else {
                        t.min_dim(d, kd)
                    }
                    .py()?;
                    Ok(minmax_result(name, a, b))
                }
            }
        }
        "argmax" | "argmin" => {
            let d = match args.arg(0, "dim") {
                None | Some(Value::None) => None,
                Some(d) => Some(dim_arg(&d)?),
            };
            let kd = keepdim(interp, args, 1)?;
            v(if name == "argmax" {
                t.argmax(d, kd)
            } else {
                t.argmin(d, kd)
            })
        }
        "std" | "var" => {
            let dims = opt_dims(interp, args.arg(0, "dim"))?.unwrap_or_default();
            let correction = match (args.take_kw("correction"), args.take_kw("unbiased")) {
                (Some(c), _) => f64_arg(&c, "correction")?,
                (None, Some(u)) => {
                    if interp.truthy(&u)? {
                        1.0
                    } else {
                        0.0
                    }
                }
                _ => 1.0,
            };
            let kd = keepdim(interp, args, 1)?;
            let r = if name == "std" {
                t.std(&dims, correction, kd)
            } else {
                t.var(&dims, correction, kd)
            };
            v(r)
        }
        "prod" => match args.arg(0, "dim") {
            None | Some(Value::None) => v(t.prod()),
            Some(d) => {
                let d = dim_arg(&d)?;
                let kd = keepdim(interp, args, 1)?;
                v(t.prod_dim(d, kd))
            }
        },
        "norm" => {
            let p = match args.arg(0, "p") {
                None | Some(Value::None) => 2.0,
                Some(Value::Str(s)) if &*s == "fro" => 2.0,
                Some(Value::Str(s)) => {
                    return Err(PyErr::not_implemented(format!(
                        "norm(p='{s}') is not supported here"
                    )))
                }
                Some(p) => f64_arg(&p, "p")?,
            };
            let dims = opt_dims(interp, args.arg(1, "dim"))?.unwrap_or_default();
            let kd = keepdim(interp, args, 2)?;
            v(t.vector_norm(p, &dims, kd))
        }
        "all" | "any" => match args.arg(0, "dim") {
            None | Some(Value::None) => v(if name == "all" { t.all() } else { t.any() }),
            Some(d) => {
                let d = dim_arg(&d)?;
                let kd = keepdim(interp, args, 1)?;
                v(t.all_any_dim(d, kd, name == "any"))
            }
        },
        "round" => match args.arg(0, "decimals") {
            Some(Value::Int(0)) => v(t.round()),
            _ => Err(PyErr::not_implemented(
                "round(decimals=...) is not supported here",
            )),
        },
        "uniform_" | "normal_" => {
            let g = super::rng::take_generator(args)?;
            let (n0, n1, d1) = match name {
                "uniform_" => ("from", "to", 1.0),
                _ => ("mean", "std", 1.0),
            };
            let a = f64_arg(&args.arg(0, n0).unwrap_or(Value::Float(0.0)), n0)?;
            let b = f64_arg(&args.arg(1, n1).unwrap_or(Value::Float(d1)), n1)?;
            unit(super::rng::with_generator(g.as_ref(), || {
                if name == "uniform_" {
                    t.uniform_(a, b)
                } else {
                    t.normal_(a, b)
                }
            }))
        }
        "random_" => {
            let g = super::rng::take_generator(args)?;
            let from = args.arg(0, "from");
            let to = args.arg(1, "to");
            let range = match (from, to) {
                (None, None) => None,
                (Some(to), None) => Some((0, int_arg(&to, "to")?)),
                (Some(f), Some(to)) => Some((int_arg(&f, "from")?, int_arg(&to, "to")?)),
                (None, Some(to)) => Some((0, int_arg(&to, "to")?)),
            };
            unit(super::rng::with_generator(g.as_ref(), || t.random_(range)))
        }
        "cumsum" | "cumprod" => {
            let Some(d) = args.arg(0, "dim") else {
                return Err(PyErr::type_error(format!(
                    "{name}() missing 1 required positional arguments: \"dim\""
                )));
            };
            let d = dim_arg(&d)?;
            v(if name == "cumsum" {
                t.cumsum(d)
            } else {
                t.cumprod(d)
            })
        }
        "sort" | "argsort" => {
            let stable = args.take_kw("stable");
            let stable = opt_bool(interp, stable)?.unwrap_or(false);
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(-1)))?;
            let desc = opt_bool(interp, args.arg(1, "descending"))?.unwrap_or(false);
            let (a, b) = t.sort(d, desc, stable).py()?;
            Ok(if name == "sort" {
                minmax_result(name, a, b)
            } else {
                wrap(b)
            })
        }
        "topk" => {
            let Some(k) = args.arg(0, "k") else {
                return Err(PyErr::type_error(
                    "topk() missing 1 required positional arguments: \"k\"",
                ));
            };
            let k = int_arg(&k, "k")?;
            let d = dim_arg(&args.arg(1, "dim").unwrap_or(Value::Int(-1)))?;
            let largest = opt_bool(interp, args.arg(2, "largest"))?.unwrap_or(true);
            let sorted = opt_bool(interp, args.arg(3, "sorted"))?.unwrap_or(true);
            let (a, b) = t.topk(k, d, largest, sorted).py()?;
            Ok(minmax_result(name, a, b))
        }
        "flip" => {
            let dims = int_list(interp, &args.positional, "flip")?;
            v(t.flip(&dims))
        }
        "roll" => {
            let s = args
                .arg(0, "shifts")
                .unwrap_or_else(|| Value::tuple(vec![]));
            let shifts = shape_args(interp, &[s], "roll")?;
            let dims = match args.arg(1, "dims") {
                Some(d) => shape_args(interp, &[d], "roll")?,
                None => vec![],
            };
            v(t.roll(&shifts, &dims))
        }
        "nan_to_num" | "nan_to_num_" => {
            let mut f = |i: usize, what: &str, none: f64| match args.arg(i, what) {
                None | Some(Value::None) => Ok(none),
                Some(x) => f64_arg(&x, what),
            };
            let op = Elem::NanToNum(
                f(0, "nan", 0.0)?,
                f(1, "posinf", f64::NAN)?,
                f(2, "neginf", f64::NAN)?,
            );
            if name == "nan_to_num" {
                v(t.elementwise(op))
            } else {
                unit(t.elementwise_(op))
            }
        }
        "floor_divide" | "remainder" => {
            let other = args.arg(0, "other").unwrap_or(Value::None);
            let op = if name == "floor_divide" {
                crate::ast::BinOp::FloorDiv
            } else {
                crate::ast::BinOp::Mod
            };
            match pt.binary_op(op, &other, false, interp)? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "{name}(): argument 'other' (position 1) must be Tensor, not {}",
                    other.type_name()
                ))),
            }
        }
        "leaky_relu" => {
            let s = f64_arg(
                &args.arg(0, "negative_slope").unwrap_or(Value::Float(0.01)),
                "negative_slope",
            )?;
            v(t.leaky_relu(s))
        }
        "pow" => {
            let e = args.arg(0, "exponent").unwrap_or(Value::Int(1));
            match (tensor_of(&e), scalar_of(&e)) {
                (Some(o), _) => v(t.pow(&o)),
                (None, Some(s)) => v(t.pow_scalar(s)),
                _ => Err(PyErr::type_error(
                    "pow(): argument 'exponent' must be Tensor or Number",
                )),
            }
        }
        _ => return Ok(None),
    };
    r.map(Some)
}

/// Tensor methods, part: elementwise functions without arguments (`x.relu()`, also what
/// `torch.relu(x)` calls), kept apart from the reductions so the common ones stay small. The
/// ops are picked as function pointers and called once: calling each in its own arm let LLVM
/// inline 32 op bodies into this function (28 KB of wasm with autograd at opt-level 3).
#[inline(never)]
fn tensor_methods_unary(
    pt: &PyTensor,
    this: &Value,
    name: &str,
    args: &Args,
) -> PyResult<Option<Value>> {
    let has_args = !args.positional.is_empty() || !args.kwargs.is_empty();
    if has_args && matches!(name, "all" | "any" | "prod" | "norm" | "round") {
        // their forms with arguments (`x.prod(1)`) are in the math part
        return Ok(None);
    }
    if let Some(op) = unary_op(name) {
        no_args(name, args)?;
        return Ok(Some(wrap(op(&pt.t).py()?)));
    }
    // `x.sin_()`: the in-place form of an elementwise op (PyTorch has one for each of them,
    // none for the reductions).
    let inplace = name
        .strip_suffix('_')
        .filter(|base| !matches!(*base, "all" | "any" | "prod" | "norm" | "isnan"))
        .and_then(unary_op);
    let Some(op) = inplace else {
        return Ok(None);
    };
    no_args(name, args)?;
    pt.t.unary_(op).py()?;
    Ok(Some(this.clone()))
}

/// The methods of a tensor alone (`x.exp()`), by name.
fn unary_op(name: &str) -> Option<fn(&Tensor) -> autograd::Result<Tensor>> {
    Some(match name {
        "all" => Tensor::all,
        "any" => Tensor::any,
        "exp" => Tensor::exp,
        "log" => Tensor::log,
        "sqrt" => Tensor::sqrt,
        "abs" => Tensor::abs,
        "sin" => Tensor::sin,
        "cos" => Tensor::cos,
        "tanh" => Tensor::tanh,
        "sigmoid" => Tensor::sigmoid,
        "relu" => Tensor::relu,
        "neg" => Tensor::neg,
        "reciprocal" => Tensor::reciprocal,
        "sign" => Tensor::sign,
        "logical_not" => Tensor::logical_not,
        "log1p" => Tensor::log1p,
        "log2" => Tensor::log2,
        "tan" => |t| t.elementwise(Elem::Tan),
        "asin" | "arcsin" => |t| t.elementwise(Elem::Asin),
        "acos" | "arccos" => |t| t.elementwise(Elem::Acos),
        "atan" | "arctan" => |t| t.elementwise(Elem::Atan),
        "sinh" => Tensor::sinh,
        "cosh" => Tensor::cosh,
        "expm1" => |t| t.elementwise(Elem::Expm1),
        "log10" => |t| t.elementwise(Elem::Log10),
        "rsqrt" => Tensor::rsqrt,
        "frac" => |t| t.elementwise(Elem::Frac),
        "deg2rad" => |t| t.elementwise(Elem::Deg2Rad),
        "rad2deg" => |t| t.elementwise(Elem::Rad2Deg),
        "sinc" => |t| t.elementwise(Elem::Sinc),
        "exp2" => |t| t.elementwise(Elem::Exp2),
        "isnan" => Tensor::isnan,
        "floor" => Tensor::floor,
        "ceil" => Tensor::ceil,
        "round" => Tensor::round,
        "trunc" => Tensor::trunc,
        "square" => |t| t.pow_scalar(2i64),
        "prod" => Tensor::prod,
        "norm" => Tensor::norm,
        _ => return None,
    })
}

/// `alpha` of `x.add(y, alpha=a)` / `sub` / `add_` / `sub_` with a tensor `y`, computed as
/// PyTorch does (`x + a * y` fused, `AddBackward0` alone); `None` for the other cases.
fn fused_alpha(
    name: &str,
    t: &Tensor,
    other: &Value,
    alpha: Option<&Value>,
) -> PyResult<Option<(Tensor, f64)>> {
    let (Some(a), Some(o)) = (alpha, tensor_of(other)) else {
        return Ok(None);
    };
    if !matches!(name, "add" | "sub" | "add_" | "sub_") {
        return Ok(None);
    }
    let a = scalar_of(a).ok_or_else(|| PyErr::type_error("alpha must be a Number"))?;
    if matches!(a, autograd::Scalar::Float(_))
        && !t.dtype().is_floating_point()
        && !o.dtype().is_floating_point()
    {
        return Err(PyErr::runtime_error(
            "For integral input tensors, argument alpha must not be a floating point number.",
        ));
    }
    Ok(Some((o, a.to_f64())))
}

/// PyTorch's error for arguments to a method that takes none (`x.exp(1)`).
fn no_args(name: &str, args: &Args) -> PyResult<()> {
    if !args.kwargs.is_empty() {
        return Err(PyErr::type_error(format!(
            "TensorBase.{name}() takes no keyword arguments"
        )));
    }
    if !args.positional.is_empty() {
        return Err(PyErr::type_error(format!(
            "TensorBase.{name}() takes no arguments ({} given)",
            args.positional.len()
        )));
    }
    Ok(())
}

/// Tensor methods, part: binary ops, conversions and the rest; `Ok(None)` for other names.
#[inline(never)]
fn tensor_methods_more(
    interp: &mut Interp,
    pt: &PyTensor,
    this: &Value,
    name: &str,
    args: &mut Args,
) -> PyResult<Option<Value>> {
    let t = &pt.t;
    let p0 = args.positional.first().cloned();
    let v = |r: autograd::Result<Tensor>| -> PyResult<Value> { r.py().map(wrap) };
    let r = match name {
        "add" | "sub" | "mul" | "div" | "true_divide" | "rsub" => {
            let other = args.arg(0, "other").unwrap_or(Value::None);
            let alpha = args.take_kw("alpha");
            if let Some((o, a)) = fused_alpha(name, t, &other, alpha.as_ref())? {
                return v(if name == "add" {
                    t.add_alpha(&o, a)
                } else {
                    t.sub_alpha(&o, a)
                })
                .map(Some);
            }
            let other = match alpha {
                Some(a) => interp.binary_op(&other, &a, crate::ast::BinOp::Mult)?,
                None => other,
            };
            let op = match name {
                "add" => crate::ast::BinOp::Add,
                "sub" | "rsub" => crate::ast::BinOp::Sub,
                "mul" => crate::ast::BinOp::Mult,
                _ => crate::ast::BinOp::Div,
            };
            let reflected = name == "rsub";
            match pt.binary_op(op, &other, reflected, interp)? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "{name}(): argument 'other' (position 1) must be Tensor, not {}",
                    other.type_name()
                ))),
            }
        }
        "matmul" | "mm" | "dot" | "mv" | "bmm" => {
            let o = tensor_arg(
                &p0.unwrap_or(Value::None),
                name,
                if name == "mv" { "vec" } else { "other" },
                1,
            )?;
            v(match name {
                "matmul" => t.matmul(&o),
                "mm" => t.mm(&o),
                "dot" => t.dot(&o),
                "mv" => t.mv(&o),
                _ => t.bmm(&o),
            })
        }
        "maximum" | "minimum" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), name, "other", 1)?;
            v(if name == "maximum" {
                t.maximum(&o)
            } else {
                t.minimum(&o)
            })
        }
        "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
            let other = p0.unwrap_or(Value::None);
            let op = match name {
                "eq" => crate::ast::CmpOp::Eq,
                "ne" => crate::ast::CmpOp::NotEq,
                "lt" => crate::ast::CmpOp::Lt,
                "le" => crate::ast::CmpOp::LtE,
                "gt" => crate::ast::CmpOp::Gt,
                _ => crate::ast::CmpOp::GtE,
            };
            if tensor_of(&other).is_none() && scalar_of(&other).is_none() {
                return Err(PyErr::type_error(format!(
                    "{name}() received an invalid combination of arguments - got ({}), but expected one of:\n * (Tensor other)\n * (Number other)",
                    other.type_name()
                )));
            }
            match pt.compare(op, &other, interp)? {
                Some(r) => Ok(r),
                None => Ok(Value::Bool(false)),
            }
        }
        "logical_and" | "logical_or" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), name, "other", 1)?;
            v(if name == "logical_and" {
                t.logical_and(&o)
            } else {
                t.logical_or(&o)
            })
        }
        "equal" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), "equal", "other", 1)?;
            Ok(Value::Bool(
                o.shape() == t.shape() && o.to_vec() == t.to_vec(),
            ))
        }
        "allclose" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), "allclose", "other", 1)?;
            let rtol = match args.arg(1, "rtol") {
                Some(x) => f64_arg(&x, "rtol")?,
                None => 1e-5,
            };
            let atol = match args.arg(2, "atol") {
                Some(x) => f64_arg(&x, "atol")?,
                None => 1e-8,
            };
            Ok(Value::Bool(t.allclose(&o, rtol, atol).py()?))
        }
        "float" => v(t.to_dtype(DType::Float32)),
        "double" => v(t.to_dtype(DType::Float64)),
        "long" => v(t.to_dtype(DType::Int64)),
        "int" => v(t.to_dtype(DType::Int32)),
        "short" => v(t.to_dtype(DType::Int16)),
        "bool" => v(t.to_dtype(DType::Bool)),
        "to" if matches!(&p0, Some(Value::Str(d)) if d.starts_with("cuda"))
            || p0.as_ref().is_some_and(|v| matches!(v, Value::Native(n) if n.type_name() == "device" && n.as_any().downcast_ref::<Device>().is_none())) =>
        {
            Err(PyErr::assertion_error("Torch not compiled with CUDA enabled"))
        }
        "to" | "type" => {
            let target = args.arg(0, "dtype").or_else(|| args.take_kw("dtype"));
            match target.as_ref().and_then(as_dtype) {
                Some(d) => v(t.to_dtype(d)),
                None if name == "type" && target.is_none() => {
                    Ok(Value::str(t.dtype().tensor_type_name()))
                }
                None => Ok(this.clone()),
            }
        }
        "cpu" => Ok(this.clone()),
        // What a CPU-only PyTorch without NumPy answers.
        "cuda" => Err(PyErr::assertion_error("Torch not compiled with CUDA enabled")),
        "numpy" if t.requires_grad() => Err(PyErr::runtime_error(
            "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
        )),
        "numpy" => Err(PyErr::runtime_error("Numpy is not available")),
        "softmax" | "log_softmax" => {
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(-1)))?;
            v(if name == "softmax" {
                t.softmax(d)
            } else {
                t.log_softmax(d)
            })
        }
        "masked_fill" | "masked_fill_" => {
            let mask = tensor_arg(
                &args.arg(0, "mask").unwrap_or(Value::None),
                name,
                "mask",
                1,
            )?;
            let val = args.arg(1, "value").unwrap_or(Value::Int(0));
            let vt = tensor_of(&val);
            let num = match vt {
                Some(_) => 0.0,
                None => f64_arg(&val, "value")?,
            };
            let f = |s: &Tensor| match &vt {
                Some(vt) => s.masked_fill_tensor(&mask, vt),
                None => s.masked_fill(&mask, num),
            };
            if name == "masked_fill_" {
                let o: Vec<&Tensor> = vt.iter().collect();
                t.inplace_with(&o, &f).py()?;
                return Ok(Some(this.clone()));
            }
            v(f(t))
        }
        "where" => {
            let cond = tensor_arg(
                &args.arg(0, "condition").unwrap_or(Value::None),
                "where",
                "condition",
                1,
            )?;
            let other = where_operand(&args.arg(1, "other").unwrap_or(Value::None))?;
            v(Tensor::where_(&cond, t, &other))
        }
        "nonzero" => v(t.nonzero()),
        "is_contiguous" => Ok(Value::Bool(t.is_contiguous())),
        "is_floating_point" => Ok(Value::Bool(t.dtype().is_floating_point())),
        "stride" => {
            let s: Vec<Value> = t.strides().iter().map(|d| Value::Int(*d as i64)).collect();
            match args.arg(0, "dim") {
                Some(d) => {
                    let d = dim_arg(&d)?;
                    let n = s.len() as isize;
                    let i = if d < 0 { d + n } else { d };
                    s.get(i as usize)
                        .cloned()
                        .ok_or_else(|| PyErr::index_error("Dimension out of range"))
                }
                None => Ok(Value::tuple(s)),
            }
        }
        "storage_offset" => Ok(Value::Int(t.storage_offset() as i64)),
        "element_size" | "itemsize" => Ok(Value::Int(t.dtype().itemsize() as i64)),
        "erf" => v(t.erf()),
        "gelu" => v(t.gelu()),
        "silu" => v(t.silu()),
        "elu" => v(t.elu(f64_arg(
            &args.arg(0, "alpha").unwrap_or(Value::Float(1.0)),
            "alpha",
        )?)),
        "softplus" => {
            let beta = f64_arg(&args.arg(0, "beta").unwrap_or(Value::Int(1)), "beta")?;
            let th = f64_arg(
                &args.arg(1, "threshold").unwrap_or(Value::Int(20)),
                "threshold",
            )?;
            v(t.softplus(beta, th))
        }
        "tril" | "triu" | "diagonal" | "diag" => {
            let k = int_arg(
                &args
                    .arg(
                        0,
                        if name.starts_with("tri") {
                            "diagonal"
                        } else {
                            "offset"
                        },
                    )
                    .unwrap_or(Value::Int(0)),
                "diagonal",
            )?;
            v(match name {
                "tril" => t.tril(k),
                "triu" => t.triu(k),
                "diagonal" => t.diagonal(k),
                _ => t.diag(k),
            })
        }
        "trace" => v(t.trace()),
        "repeat" => {
            let reps = usize_shape(&shape_args(interp, &args.positional, "repeat")?)?;
            v(t.repeat(&reps))
        }
        "unbind" | "split" | "chunk" | "split_with_sizes" => {
            let parts = match name {
                "unbind" => t.unbind(dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(0)))?),
                "chunk" => {
                    let n = int_arg(&args.arg(0, "chunks").unwrap_or(Value::Int(1)), "chunks")?;
                    t.chunk(n, dim_arg(&args.arg(1, "dim").unwrap_or(Value::Int(0)))?)
                }
                _ => {
                    let first = args.arg(0, "split_size").unwrap_or(Value::Int(1));
                    let dim = dim_arg(&args.arg(1, "dim").unwrap_or(Value::Int(0)))?;
                    match first {
                        Value::Int(n) => t.split(n, dim),
                        other => {
                            let sizes = shape_args(interp, &[other], name)?;
                            t.split_with_sizes(&sizes, dim)
                        }
                    }
                }
            }
            .py()?;
            Ok(Value::tuple(parts.into_iter().map(wrap).collect()))
        }
        "data_ptr" => Ok(Value::Int(0)),
        "narrow" => {
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(0)))?;
            let s = int_arg(&args.arg(1, "start").unwrap_or(Value::Int(0)), "start")?;
            let l = int_arg(&args.arg(2, "length").unwrap_or(Value::Int(0)), "length")?;
            v(t.narrow(d, s, l))
        }
        "select" => {
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(0)))?;
            let i = int_arg(&args.arg(1, "index").unwrap_or(Value::Int(0)), "index")?;
            v(t.select(d, i))
        }
        "ones_like" => v(t.ones_like()),
        "zeros_like" => v(t.zeros_like()),
        "mse_loss" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), "mse_loss", "target", 1)?;
            v(t.mse_loss(&o, Reduction::Mean))
        }
        "__len__" => Ok(Value::Int(t.shape().first().copied().unwrap_or(0) as i64)),
        _ => return Ok(None),
    };
    r.map(Some)
}

/// `x.clamp(min, max)` with a tensor bound (`ClampBackward0`). Out of line: inside
/// `tensor_methods_core`, which every method call passes, it slowed training by about 3%.
#[inline(never)]
fn clamp_tensor_bounds(
    t: &Tensor,
    name: &str,
    lo: Option<Value>,
    hi: Option<Value>,
) -> PyResult<Value> {
    let (lt, ht) = (
        lo.as_ref().and_then(tensor_of),
        hi.as_ref().and_then(tensor_of),
    );
    let given = |v: &Option<Value>| !matches!(v, None | Some(Value::None));
    if given(&lo) != lt.is_some() || given(&hi) != ht.is_some() {
        let ty = |v: &Option<Value>| match v {
            Some(v) if tensor_of(v).is_none() => v.type_name(),
            _ => "Tensor".to_string(),
        };
        let got = format!("{}, {}", ty(&lo), ty(&hi));
        let bad = format!("!{}!, !{}!", ty(&lo), ty(&hi));
        return Err(PyErr::type_error(format!(
            "{name}() received an invalid combination of arguments - got ({got}), but expected one of:\n * (Tensor min = None, Tensor max = None)\n      didn't match because some of the arguments have invalid types: ({bad})\n * (Number min = None, Number max = None)\n      didn't match because some of the arguments have invalid types: ({bad})\n"
        )));
    }
    t.clamp_tensor(lt.as_ref(), ht.as_ref()).py().map(wrap)
}

/// What `register_hook` returns: `h.remove()` unregisters the hook.
pub struct HookHandleObj {
    tensor: Tensor,
    handle: autograd::HookHandle,
}

impl NativeObject for HookHandleObj {
    fn type_name(&self) -> String {
        "RemovableHandle".into()
    }
    fn id(&self) -> usize {
        self as *const HookHandleObj as usize
    }
    fn get_attr(&self, this: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        if name != "remove" {
            return Ok(None);
        }
        Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
            func: builtin_fn("remove", |_, a| {
                if let Some(Value::Native(n)) = a.positional.first() {
                    if let Some(h) = n.as_any().downcast_ref::<HookHandleObj>() {
                        h.tensor.remove_hook(h.handle);
                    }
                }
                Ok(Value::None)
            }),
            this: this.clone(),
        }))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `x.max(dim)` returns a named tuple `torch.return_types.max(values=..., indices=...)`: a
/// tuple whose class (a `tuple` subclass, one per name and thread) has the two fields.
pub(crate) fn minmax_result(name: &str, values: Tensor, indices: Tensor) -> Value {
    Value::tuple_of(return_type(name), vec![wrap(values), wrap(indices)])
}

thread_local! {
    /// The `torch.return_types` classes made so far. They are shared by every session on the
    /// thread, so they are immutable (`builtin`): nothing of a session can be stored on them.
    static RETURN_TYPES: std::cell::RefCell<Vec<Rc<Class>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The class `torch.return_types.NAME` (a structseq in PyTorch: `values`, `indices`).
fn return_type(name: &str) -> Rc<Class> {
    let full = format!("torch.return_types.{name}");
    if let Some(c) = RETURN_TYPES.with(|r| r.borrow().iter().find(|c| *c.name == *full).cloned()) {
        return c;
    }
    fn field(a: &Args, i: usize) -> Value {
        match a.positional.first() {
            Some(Value::Tuple(t)) => t.items.get(i).cloned().unwrap_or(Value::None),
            _ => Value::None,
        }
    }
    let mut dict = crate::fxhash::HashMap::default();
    let getter = |f: BuiltinImpl| Value::Property(Rc::new(builtin_fn("field", f)));
    dict.insert(Rc::from("values"), getter(|_, a| Ok(field(&a, 0))));
    dict.insert(Rc::from("indices"), getter(|_, a| Ok(field(&a, 1))));
    dict.insert(Rc::from("__module__"), Value::str("torch.return_types"));
    dict.insert(Rc::from("__qualname__"), Value::str(name));
    for n in ["n_fields", "n_sequence_fields"] {
        dict.insert(Rc::from(n), Value::Int(2));
    }
    dict.insert(Rc::from("n_unnamed_fields"), Value::Int(0));
    dict.insert(
        Rc::from("__repr__"),
        builtin_fn("__repr__", |interp, a| {
            let this = a.positional.first().cloned().unwrap_or(Value::None);
            let (v, i) = (field(&a, 0), field(&a, 1));
            Ok(Value::str(&format!(
                "{}(\nvalues={},\nindices={})",
                this.type_name(),
                interp.repr(&v)?,
                interp.repr(&i)?
            )))
        }),
    );
    let c = Rc::new(Class {
        name: Rc::from(full.as_str()),
        bases: vec![Value::Type(BuiltinType::Tuple)],
        mro: Vec::new(),
        dict: std::cell::RefCell::new(dict),
        is_exception: false,
        builtin: true,
        native_base: Some(Value::Type(BuiltinType::Tuple)),
    });
    RETURN_TYPES.with(|r| r.borrow_mut().push(c.clone()));
    c
}

#[cfg(test)]
mod tests {
    /// Every method dispatched above is also an attribute (`x.floor()` looks `floor` up in
    /// `TENSOR_METHODS` first: a name missing there raised AttributeError).
    #[test]
    fn dispatched_methods_are_attributes() {
        let src = include_str!("tensor_methods.rs");
        let start = src.find("fn tensor_methods_core(").unwrap_or(0);
        let end = src.find("pub struct HookHandleObj").unwrap_or(src.len());
        let mut missing = Vec::new();
        for line in src[start..end].lines() {
            let arm = line.trim_start();
            if !arm.starts_with('"') || !arm.contains("=>") {
                continue;
            }
            let pattern = arm.split("=>").next().unwrap_or("");
            let pattern = pattern.split(" if ").next().unwrap_or("");
            for name in pattern.split('|') {
                let name = name.trim().trim_matches('"');
                if !name.is_empty() && !super::TENSOR_METHODS.contains(&name) {
                    missing.push(name.to_string());
                }
            }
        }
        assert!(missing.is_empty(), "not in TENSOR_METHODS: {missing:?}");
    }
}
