//! Tensor values as Python objects: `PyTensor` wraps `autograd::Tensor` (attributes, methods,
//! operators, printing); `PyNode` is a `grad_fn`; `PySize` is `torch.Size`; `PyDType` is a
//! `torch.dtype`; `TensorMethod` is a bound method such as `x.all`.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::ops::{as_num, Num};
use crate::value::*;
use autograd::{DType, IndexItem, NestedData, Node, Scalar, Tensor, TorchError};
use std::any::Any;
use std::rc::Rc;

/// A torch error as a Python exception.
pub(crate) fn terr(e: TorchError) -> PyErr {
    let e = e.into_data();
    PyErr::new(e.kind.name(), e.message)
}

pub(crate) trait TorchResult<T> {
    fn py(self) -> PyResult<T>;
}

impl<T> TorchResult<T> for autograd::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(terr)
    }
}

// ---- PyTensor ----

pub struct PyTensor {
    pub t: Tensor,
    /// Printed as `Parameter containing:` (an `nn.Parameter`).
    pub param: bool,
}

pub(crate) fn wrap(t: Tensor) -> Value {
    Value::Native(Rc::new(PyTensor { t, param: false }))
}

pub(crate) fn wrap_param(t: Tensor) -> Value {
    Value::Native(Rc::new(PyTensor { t, param: true }))
}

pub(crate) fn as_tensor(v: &Value) -> Option<&PyTensor> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<PyTensor>(),
        _ => None,
    }
}

pub(crate) fn tensor_of(v: &Value) -> Option<Tensor> {
    as_tensor(v).map(|p| p.t.clone())
}

/// A Python number as a torch scalar.
pub(crate) fn scalar_of(v: &Value) -> Option<Scalar> {
    match v {
        Value::Bool(b) => Some(Scalar::Bool(*b)),
        Value::Int(i) => Some(Scalar::Int(*i)),
        Value::Float(f) => Some(Scalar::Float(*f)),
        Value::BigInt(_) => None,
        _ => None,
    }
}

/// A Python scalar from a torch scalar.
pub(crate) fn py_scalar(s: Scalar) -> Value {
    match s {
        Scalar::Bool(b) => Value::Bool(b),
        Scalar::Int(i) => Value::Int(i),
        Scalar::Float(f) => Value::Float(f),
    }
}

pub(crate) fn nested_to_value(n: &NestedData) -> Value {
    match n {
        NestedData::Scalar(s) => py_scalar(*s),
        NestedData::List(items) => Value::list(items.iter().map(nested_to_value).collect()),
        NestedData::Tensor(t) => nested_to_value(&t.tolist()),
    }
}

/// Python data (nested lists/tuples of numbers or tensors) as `NestedData`.
pub(crate) fn value_to_nested(
    interp: &mut Interp,
    v: &Value,
    depth: usize,
) -> PyResult<NestedData> {
    if depth > 64 {
        return Err(PyErr::value_error("too many dimensions"));
    }
    if let Some(s) = scalar_of(v) {
        return Ok(NestedData::Scalar(s));
    }
    match v {
        Value::List(_) | Value::Tuple(_) => {
            let items = interp.collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(value_to_nested(interp, it, depth + 1)?);
            }
            Ok(NestedData::List(out))
        }
        Value::BigInt(_) => Err(PyErr::runtime_error("Overflow when unpacking long")),
        _ => {
            if let Some(t) = tensor_of(v) {
                return Ok(NestedData::Tensor(t));
            }
            if let Some(sz) = as_size(v) {
                return Ok(NestedData::List(
                    sz.iter()
                        .map(|d| NestedData::Scalar(Scalar::Int(*d as i64)))
                        .collect(),
                ));
            }
            Err(PyErr::type_error(format!(
                "new(): invalid data type '{}'",
                v.type_name()
            )))
        }
    }
}

fn dims_arg(v: &Value) -> PyResult<isize> {
    match v {
        Value::Int(i) => Ok(*i as isize),
        Value::Bool(b) => Ok(*b as isize),
        _ => Err(PyErr::type_error(format!(
            "argument 'dim' must be int, not {}",
            v.type_name()
        ))),
    }
}

/// A shape given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size(...))`.
pub(crate) fn shape_args(interp: &mut Interp, args: &[Value], fname: &str) -> PyResult<Vec<i64>> {
    let items: Vec<Value> = match args {
        [one] if !matches!(one, Value::Int(_) | Value::Bool(_)) => {
            if let Some(sz) = as_size(one) {
                return Ok(sz.iter().map(|d| *d as i64).collect());
            }
            match one {
                Value::List(_) | Value::Tuple(_) => interp.collect(one)?,
                other => {
                    return Err(PyErr::type_error(format!(
                        "{fname}(): argument 'size' (position 1) must be tuple of ints, but found element of type {} at pos 0",
                        other.type_name()
                    )))
                }
            }
        }
        _ => args.to_vec(),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Int(n) => out.push(*n),
            Value::Bool(b) => out.push(*b as i64),
            Value::Native(_) if tensor_of(it).is_some_and(|t| t.numel() == 1 && !t.dtype().is_floating_point()) => {
                let t = tensor_of(it).unwrap_or_else(|| Tensor::scalar(Scalar::Int(0)));
                out.push(t.item().py()?.to_f64() as i64);
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "{fname}(): argument 'size' (position {}) must be tuple of ints, but found element of type {} at pos {i}",
                    1,
                    other.type_name()
                )))
            }
        }
    }
    Ok(out)
}

pub(crate) fn usize_shape(shape: &[i64]) -> PyResult<Vec<usize>> {
    shape
        .iter()
        .map(|&d| {
            if d < 0 {
                Err(PyErr::runtime_error(format!(
                    "Trying to create tensor with negative dimension {d}: {:?}",
                    shape
                )))
            } else {
                Ok(d as usize)
            }
        })
        .collect()
}

fn index_item(interp: &mut Interp, v: &Value) -> PyResult<IndexItem> {
    Ok(match v {
        Value::Int(i) => IndexItem::Int(*i),
        Value::Bool(b) => IndexItem::Int(*b as i64),
        Value::None => IndexItem::None,
        Value::Ellipsis => IndexItem::Ellipsis,
        Value::Slice(s) => {
            let part = |x: &Value| -> PyResult<Option<i64>> {
                match x {
                    Value::None => Ok(None),
                    Value::Int(i) => Ok(Some(*i)),
                    Value::Bool(b) => Ok(Some(*b as i64)),
                    _ => Err(PyErr::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                }
            };
            IndexItem::Slice(part(&s.start)?, part(&s.stop)?, part(&s.step)?)
        }
        Value::List(_) => {
            let nested = value_to_nested(interp, v, 0)?;
            IndexItem::Tensor(Tensor::from_nested(&nested, None).py()?)
        }
        _ => match tensor_of(v) {
            Some(t) => IndexItem::Tensor(t),
            None => {
                return Err(PyErr::index_error(
                    "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got ".to_string()
                        + &v.type_name()
                        + ")",
                ))
            }
        },
    })
}

fn index_items(interp: &mut Interp, key: &Value) -> PyResult<Vec<IndexItem>> {
    match key {
        Value::Tuple(t) => t.items.iter().map(|k| index_item(interp, k)).collect(),
        other => Ok(vec![index_item(interp, other)?]),
    }
}

/// The other operand of a tensor operator: a tensor or a Python number.
enum Operand {
    T(Tensor),
    S(Scalar),
}

fn operand(v: &Value) -> Option<Operand> {
    if let Some(t) = tensor_of(v) {
        return Some(Operand::T(t));
    }
    scalar_of(v).map(Operand::S)
}

fn binary(t: &Tensor, op: BinOp, other: Operand, reflected: bool) -> PyResult<Option<Tensor>> {
    use Operand::*;
    let r = match (op, other, reflected) {
        (BinOp::Add, T(o), false) => t.add(&o),
        (BinOp::Add, T(o), true) => o.add(t),
        (BinOp::Add, S(s), _) => t.add_scalar(s),
        (BinOp::Sub, T(o), false) => t.sub(&o),
        (BinOp::Sub, T(o), true) => o.sub(t),
        (BinOp::Sub, S(s), false) => t.sub_scalar(s),
        (BinOp::Sub, S(s), true) => t.rsub_scalar(s),
        (BinOp::Mult, T(o), false) => t.mul(&o),
        (BinOp::Mult, T(o), true) => o.mul(t),
        (BinOp::Mult, S(s), _) => t.mul_scalar(s),
        (BinOp::Div, T(o), false) => t.div(&o),
        (BinOp::Div, T(o), true) => o.div(t),
        (BinOp::Div, S(s), false) => t.div_scalar(s),
        (BinOp::Div, S(s), true) => t.rdiv_scalar(s),
        (BinOp::Pow, T(o), false) => t.pow(&o),
        (BinOp::Pow, T(o), true) => o.pow(t),
        (BinOp::Pow, S(s), false) => t.pow_scalar(s),
        (BinOp::Pow, S(s), true) => t.rpow_scalar(s),
        (BinOp::MatMult, T(o), false) => t.matmul(&o),
        (BinOp::MatMult, T(o), true) => o.matmul(t),
        (BinOp::FloorDiv | BinOp::Mod, o, reflected) => {
            return floor_mod(t, op, o, reflected).map(Some)
        }
        (BinOp::BitAnd, T(o), _) => t.logical_and(&o),
        (BinOp::BitOr, T(o), _) => t.logical_or(&o),
        _ => return Ok(None),
    };
    r.py().map(Some)
}

/// `//` and `%` on tensors.
fn floor_mod(t: &Tensor, op: BinOp, other: Operand, reflected: bool) -> PyResult<Tensor> {
    let (a, b) = match (other, reflected) {
        (Operand::T(o), false) => (t.clone(), o),
        (Operand::T(o), true) => (o, t.clone()),
        (Operand::S(s), false) => (t.clone(), Tensor::wrapped(s)),
        (Operand::S(s), true) => {
            return if op == BinOp::FloorDiv {
                t.rfloor_divide_scalar(s).py()
            } else {
                t.rremainder_scalar(s).py()
            };
        }
    };
    if op == BinOp::FloorDiv {
        a.floor_divide(&b).py()
    } else {
        a.remainder(&b).py()
    }
}

fn compare_op(t: &Tensor, op: CmpOp, other: Operand) -> PyResult<Option<Tensor>> {
    use Operand::*;
    let r = match (op, other) {
        (CmpOp::Eq, T(o)) => t.eq(&o),
        (CmpOp::NotEq, T(o)) => t.ne(&o),
        (CmpOp::Lt, T(o)) => t.lt(&o),
        (CmpOp::LtE, T(o)) => t.le(&o),
        (CmpOp::Gt, T(o)) => t.gt(&o),
        (CmpOp::GtE, T(o)) => t.ge(&o),
        (CmpOp::Eq, S(s)) => t.eq_scalar(s),
        (CmpOp::NotEq, S(s)) => t.ne_scalar(s),
        (CmpOp::Lt, S(s)) => t.lt_scalar(s),
        (CmpOp::LtE, S(s)) => t.le_scalar(s),
        (CmpOp::Gt, S(s)) => t.gt_scalar(s),
        (CmpOp::GtE, S(s)) => t.ge_scalar(s),
        _ => return Ok(None),
    };
    r.py().map(Some)
}

impl NativeObject for PyTensor {
    fn type_name(&self) -> String {
        if self.param {
            "Parameter".into()
        } else {
            "Tensor".into()
        }
    }

    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(if self.param {
            autograd::format_parameter(&self.t)
        } else {
            autograd::format_tensor(&self.t)
        })
    }

    fn id(&self) -> usize {
        self.t.id()
    }

    fn same_as(&self, other: &Value) -> bool {
        tensor_of(other).is_some_and(|o| o.same(&self.t))
    }

    fn get_attr(&self, this: &Value, name: &str, interp: &mut Interp) -> PyResult<Option<Value>> {
        let t = &self.t;
        Ok(Some(match name {
            "grad" => {
                let grad = t.grad();
                if grad.is_none() && !t.is_leaf() && !t.retains_grad() {
                    interp.warn(NON_LEAF_GRAD_WARNING);
                }
                grad.map(wrap).unwrap_or(Value::None)
            }
            "grad_fn" => t.grad_fn().map(node_value).unwrap_or(Value::None),
            "requires_grad" => Value::Bool(t.requires_grad()),
            "is_leaf" => Value::Bool(t.is_leaf()),
            "data" => wrap(t.data()),
            "shape" => size_value(t.shape().to_vec()),
            "dtype" => dtype_value(t.dtype()),
            "ndim" => Value::Int(t.dim() as i64),
            "T" => {
                let dims: Vec<isize> = (0..t.dim() as isize).rev().collect();
                wrap(t.permute(&dims).py()?)
            }
            "mT" => wrap(t.transpose(-2, -1).py()?),
            "device" => Value::Native(Rc::new(Device)),
            "is_cuda" => Value::Bool(false),
            "retains_grad" => Value::Bool(t.retains_grad()),
            "output_nr" => Value::Int(t.output_nr() as i64),
            "_version" => Value::Int(t.version() as i64),
            "__class__" => super::torch::tensor_type(self.param),
            _ => {
                if TENSOR_METHODS.contains(&name) {
                    Value::Native(Rc::new(TensorMethod {
                        this: this.clone(),
                        name: name.to_string(),
                    }))
                } else {
                    return Ok(None);
                }
            }
        }))
    }

    fn set_attr(&self, name: &str, value: Value, interp: &mut Interp) -> PyResult<bool> {
        match name {
            "requires_grad" => {
                let flag = interp.truthy(&value)?;
                self.t.set_requires_grad(flag).py()?;
                Ok(true)
            }
            "grad" => {
                let g = match &value {
                    Value::None => None,
                    v => Some(tensor_of(v).ok_or_else(|| {
                        PyErr::type_error(format!(
                            "assigned grad expected to be a Tensor or None but got grad of type {}",
                            v.type_name()
                        ))
                    })?),
                };
                self.t.set_grad(g).py()?;
                Ok(true)
            }
            "data" => {
                let src = tensor_of(&value).ok_or_else(|| {
                    PyErr::type_error(format!(
                        "Variable data has to be a tensor, but got {}",
                        value.type_name()
                    ))
                })?;
                let _g = autograd::no_grad();
                self.t.copy_(&src).py()?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn binary_op(
        &self,
        op: BinOp,
        other: &Value,
        reflected: bool,
        _: &mut Interp,
    ) -> PyResult<Option<Value>> {
        let Some(o) = operand(other) else {
            return Ok(None);
        };
        Ok(binary(&self.t, op, o, reflected)?.map(wrap))
    }

    fn inplace_op(&self, op: BinOp, other: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let Some(o) = operand(other) else {
            return Ok(None);
        };
        let t = &self.t;
        let r = match (op, o) {
            (BinOp::Add, Operand::T(o)) => t.add_(&o),
            (BinOp::Sub, Operand::T(o)) => t.sub_(&o),
            (BinOp::Mult, Operand::T(o)) => t.mul_(&o),
            (BinOp::Div, Operand::T(o)) => t.div_(&o),
            (BinOp::Add, Operand::S(s)) => t.add_scalar_(s),
            (BinOp::Sub, Operand::S(s)) => t.sub_scalar_(s),
            (BinOp::Mult, Operand::S(s)) => t.mul_scalar_(s),
            (BinOp::Div, Operand::S(s)) => t.div_scalar_(s),
            (BinOp::Pow, Operand::S(s)) => t.pow_scalar_(s),
            _ => {
                let _ = interp;
                return Ok(None);
            }
        };
        r.py()?;
        Ok(Some(Value::Native(Rc::new(PyTensor {
            t: self.t.clone(),
            param: self.param,
        }))))
    }

    fn unary_op(&self, op: UnaryOp, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match op {
            UnaryOp::USub => Some(wrap(self.t.neg().py()?)),
            UnaryOp::UAdd => Some(wrap(self.t.clone())),
            UnaryOp::Invert => Some(wrap(self.t.logical_not().py()?)),
            UnaryOp::Not => None,
        })
    }

    fn compare(&self, op: CmpOp, other: &Value, _: &mut Interp) -> PyResult<Option<Value>> {
        let Some(o) = operand(other) else {
            return Ok(match op {
                CmpOp::Eq => Some(Value::Bool(false)),
                CmpOp::NotEq => Some(Value::Bool(true)),
                _ => None,
            });
        };
        Ok(compare_op(&self.t, op, o)?.map(wrap))
    }

    fn get_item(&self, key: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let items = index_items(interp, key)?;
        Ok(Some(wrap(self.t.index(&items).py()?)))
    }

    fn set_item(&self, key: &Value, value: Value, interp: &mut Interp) -> PyResult<bool> {
        let items = index_items(interp, key)?;
        let v = match operand(&value) {
            Some(Operand::T(t)) => t,
            Some(Operand::S(s)) => Tensor::wrapped(s),
            None => {
                return Err(PyErr::type_error(format!(
                    "can't assign a {} to a {}",
                    value.type_name(),
                    self.t.dtype().tensor_type_name()
                )))
            }
        };
        self.t.index_put_(&items, &v).py()?;
        Ok(true)
    }

    fn len(&self) -> Option<usize> {
        self.t.shape().first().copied()
    }

    fn iter_items(&self, _: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        if self.t.dim() == 0 {
            return Err(PyErr::type_error("iteration over a 0-d tensor"));
        }
        let n = self.t.shape()[0];
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            out.push(wrap(self.t.select(0, i as i64).py()?));
        }
        Ok(Some(out))
    }

    fn truthy(&self, _: &mut Interp) -> PyResult<Option<bool>> {
        if self.t.numel() != 1 {
            if self.t.numel() == 0 {
                return Err(PyErr::runtime_error(
                    "Boolean value of Tensor with no values is ambiguous",
                ));
            }
            return Err(PyErr::runtime_error(
                "Boolean value of Tensor with more than one value is ambiguous",
            ));
        }
        Ok(Some(self.t.item().py()?.to_f64() != 0.0))
    }

    fn to_scalar(&self, _: &mut Interp) -> PyResult<Option<f64>> {
        if self.t.numel() != 1 {
            return Err(PyErr::type_error(
                "only one element tensors can be converted to Python scalars",
            ));
        }
        Ok(Some(self.t.item().py()?.to_f64()))
    }

    fn format_as(&self) -> PyResult<Option<Value>> {
        // `Tensor.__format__` checks `type(self) is Tensor`: a Parameter formats as an object.
        if self.param || self.t.dim() != 0 {
            return Ok(None);
        }
        Ok(Some(py_scalar(self.t.item().py()?)))
    }

    fn is_instance_of(&self, type_name: &str) -> bool {
        type_name == "Tensor" || (self.param && type_name == "Parameter")
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// PyTorch's warning for reading `.grad` of a non-leaf tensor (`TensorBody.h`, torch 2.15):
/// backward() never fills it, and learners expect it to.
const NON_LEAF_GRAD_WARNING: &str = "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more information. (Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:488.)";

/// Tensor methods callable as `x.name(...)`.
pub(crate) const TENSOR_METHODS: &[&str] = &[
    "backward",
    "item",
    "tolist",
    "size",
    "dim",
    "numel",
    "detach",
    "__deepcopy__",
    "detach_",
    "requires_grad_",
    "retain_grad",
    "register_hook",
    "zero_",
    "fill_",
    "add_",
    "sub_",
    "mul_",
    "div_",
    "pow_",
    "clamp_",
    "copy_",
    "clone",
    "contiguous",
    "view",
    "reshape",
    "flatten",
    "t",
    "transpose",
    "permute",
    "unsqueeze",
    "squeeze",
    "expand",
    "expand_as",
    "view_as",
    "reshape_as",
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "all",
    "any",
    "exp",
    "log",
    "sqrt",
    "abs",
    "sin",
    "cos",
    "tanh",
    "sigmoid",
    "relu",
    "neg",
    "reciprocal",
    "sign",
    "clamp",
    "pow",
    "add",
    "sub",
    "mul",
    "div",
    "matmul",
    "mm",
    "dot",
    "mv",
    "bmm",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "float",
    "double",
    "long",
    "int",
    "short",
    "bool",
    "to",
    "type",
    "softmax",
    "log_softmax",
    "masked_fill",
    "is_contiguous",
    "stride",
    "storage_offset",
    "is_floating_point",
    "numpy",
    "square",
    "norm",
    "equal",
    "allclose",
    "narrow",
    "select",
    "ones_like",
    "zeros_like",
    "square_",
    "neg_",
    "exp_",
    "relu_",
    "sigmoid_",
    "uniform_",
    "normal_",
    "random_",
    "clamp_min",
    "clamp_max",
    "mse_loss",
    "element_size",
    "__len__",
    "cpu",
    "cuda",
    "data_ptr",
    "nelement",
    "logical_not",
    "logical_and",
    "logical_or",
    "where",
    "std",
    "var",
    "prod",
    "cumsum",
    "cumprod",
    "sort",
    "argsort",
    "topk",
    "log1p",
    "rsub",
    "true_divide",
    "floor_divide",
    "remainder",
    "erf",
    "gelu",
    "silu",
    "elu",
    "softplus",
    "tril",
    "triu",
    "trace",
    "diagonal",
    "diag",
    "repeat",
    "unbind",
    "split",
    "chunk",
    "split_with_sizes",
    "itemsize",
    "leaky_relu",
    "nonzero",
    "floor",
    "ceil",
    "round",
    "trunc",
    "log2",
    "flip",
    "maximum",
    "minimum",
    "ndimension",
    "sqrt_",
    "tanh_",
    "abs_",
    "addcmul_",
    "addcdiv_",
    "lerp_",
    "addcmul",
    "addcdiv",
    "lerp",
    "tan",
    "asin",
    "arcsin",
    "acos",
    "arccos",
    "atan",
    "arctan",
    "sinh",
    "cosh",
    "expm1",
    "log10",
    "rsqrt",
    "amax",
    "amin",
    "logsumexp",
    "gather",
    "index_select",
    "clip",
    "clip_",
    "atan2",
    "arctan2",
    "fmod",
    "xlogy",
    "_rxlogy",
    "atan2_",
    "arctan2_",
    "fmod_",
    "xlogy_",
    "logit",
    "logit_",
    "nansum",
    "nanmean",
    "median",
    "cummax",
    "cummin",
    "logcumsumexp",
    "frac",
    "deg2rad",
    "rad2deg",
    "sinc",
    "isnan",
    "frac_",
    "deg2rad_",
    "rad2deg_",
    "sinc_",
    "masked_fill_",
    "clamp_min_",
    "clamp_max_",
    "roll",
    "nan_to_num",
    "nan_to_num_",
    "exp2",
    "exp2_",
    "fmin",
    "fmax",
    "copysign",
    "copysign_",
    "hypot",
    "hypot_",
    // the in-place forms of the elementwise ops (`tensor_methods_unary`)
    "sin_",
    "cos_",
    "log_",
    "log1p_",
    "log2_",
    "reciprocal_",
    "sign_",
    "logical_not_",
    "tan_",
    "asin_",
    "acos_",
    "atan_",
    "arcsin_",
    "arccos_",
    "arctan_",
    "sinh_",
    "cosh_",
    "expm1_",
    "log10_",
    "rsqrt_",
    "floor_",
    "ceil_",
    "round_",
    "trunc_",
];

/// A bound tensor method: `x.all` prints `<built-in method all of Tensor object at 0x...>`.
pub struct TensorMethod {
    pub this: Value,
    pub name: String,
}

impl NativeObject for TensorMethod {
    fn type_name(&self) -> String {
        "builtin_function_or_method".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<built-in method {} of Tensor object at {:#x}>",
            self.name,
            self.this.id()
        ))
    }
    fn id(&self) -> usize {
        self as *const TensorMethod as usize
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" => Some(Value::str(&self.name)),
            "__self__" => Some(self.this.clone()),
            _ => None,
        })
    }
    fn call(&self, _: &Value, args: Args, interp: &mut Interp) -> Option<PyResult<Value>> {
        let t = as_tensor(&self.this)?;
        let t = PyTensor {
            t: t.t.clone(),
            param: t.param,
        };
        Some(super::tensor_methods::tensor_method(
            interp, &t, &self.this, &self.name, args,
        ))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- grad_fn nodes ----

pub struct PyNode(pub Rc<Node>);

pub(crate) fn node_value(n: Rc<Node>) -> Value {
    Value::Native(Rc::new(PyNode(n)))
}

impl NativeObject for PyNode {
    fn type_name(&self) -> String {
        self.0.name().to_string()
    }
    fn id(&self) -> usize {
        self.0.id()
    }
    fn same_as(&self, other: &Value) -> bool {
        match other {
            Value::Native(n) => n
                .as_any()
                .downcast_ref::<PyNode>()
                .is_some_and(|o| Rc::ptr_eq(&o.0, &self.0)),
            _ => false,
        }
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "next_functions" => Some(Value::tuple(
                self.0
                    .next_functions()
                    .into_iter()
                    .map(|e| match e {
                        Some((n, nr)) => Value::tuple(vec![node_value(n), Value::Int(nr as i64)]),
                        None => Value::tuple(vec![Value::None, Value::Int(0)]),
                    })
                    .collect(),
            )),
            "variable" => self.0.variable().map(wrap),
            "name" => Some(super::builtin_fn("name", |_, a| {
                match a.positional.first() {
                    Some(Value::Native(n)) => Ok(match n.as_any().downcast_ref::<PyNode>() {
                        Some(node) => Value::str(&node.0.qualified_name()),
                        None => Value::str(&n.type_name()),
                    }),
                    _ => Ok(Value::None),
                }
            }))
            .map(|f| {
                Value::BoundMethod(Rc::new(BoundMethod {
                    func: f,
                    this: node_value(self.0.clone()),
                }))
            }),
            "metadata" => Some(Value::Dict(Rc::new(DictObj {
                data: Default::default(),
            }))),
            _ => {
                if let Some(field) = name.strip_prefix("_saved_") {
                    return match self.0.saved_tensor(field) {
                        Ok(Some(t)) => Ok(Some(wrap(t))),
                        Ok(None) if self.0.has_saved_attr(field) => Ok(Some(Value::None)),
                        Ok(None) => Ok(None),
                        Err(e) => Err(terr(e)),
                    };
                }
                None
            }
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- torch.Size ----

pub struct PySize(pub Vec<usize>);

pub(crate) fn size_value(s: Vec<usize>) -> Value {
    Value::Native(Rc::new(PySize(s)))
}

pub(crate) fn as_size(v: &Value) -> Option<&Vec<usize>> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<PySize>().map(|s| &s.0),
        _ => None,
    }
}

impl PySize {
    fn items(&self) -> Vec<Value> {
        self.0.iter().map(|d| Value::Int(*d as i64)).collect()
    }
}

impl NativeObject for PySize {
    fn type_name(&self) -> String {
        "Size".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(autograd::format_size(&self.0))
    }
    fn id(&self) -> usize {
        self as *const PySize as usize
    }
    fn get_item(&self, key: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let t = Value::tuple(self.items());
        let r = interp.get_item(&t, key)?;
        if let Value::Tuple(tt) = &r {
            let dims: Vec<usize> = tt
                .items
                .iter()
                .map(|v| match v {
                    Value::Int(i) => *i as usize,
                    _ => 0,
                })
                .collect();
            return Ok(Some(size_value(dims)));
        }
        Ok(Some(r))
    }
    fn len(&self) -> Option<usize> {
        Some(self.0.len())
    }
    fn iter_items(&self, _: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items()))
    }
    fn truthy(&self, _: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(!self.0.is_empty()))
    }
    fn compare(&self, op: CmpOp, other: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let mine = Value::tuple(self.items());
        let theirs = match other {
            Value::Tuple(_) => other.clone(),
            _ => match as_size(other) {
                Some(s) => Value::tuple(s.iter().map(|d| Value::Int(*d as i64)).collect()),
                None => {
                    return Ok(match op {
                        CmpOp::Eq => Some(Value::Bool(false)),
                        CmpOp::NotEq => Some(Value::Bool(true)),
                        _ => None,
                    })
                }
            },
        };
        interp.compare(&mine, &theirs, op).map(Some)
    }
    fn get_attr(&self, this: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        let _ = this;
        Ok(match name {
            "numel" => {
                let n: usize = self.0.iter().product();
                Some(super::builtin_fn("numel", |_, a| {
                    Ok(a.positional.first().cloned().unwrap_or(Value::Int(0)))
                }))
                .map(|f| {
                    Value::BoundMethod(Rc::new(BoundMethod {
                        func: f,
                        this: Value::Int(n as i64),
                    }))
                })
            }
            _ => None,
        })
    }
    fn is_instance_of(&self, type_name: &str) -> bool {
        type_name == "Size" || type_name == "tuple"
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- torch.dtype, device ----

pub struct PyDType(pub DType);

pub(crate) fn dtype_value(d: DType) -> Value {
    Value::Native(Rc::new(PyDType(d)))
}

pub(crate) fn as_dtype(v: &Value) -> Option<DType> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<PyDType>().map(|d| d.0),
        Value::Type(BuiltinType::Float) => Some(DType::Float64),
        Value::Type(BuiltinType::Int) => Some(DType::Int64),
        Value::Type(BuiltinType::Bool) => Some(DType::Bool),
        _ => None,
    }
}

impl NativeObject for PyDType {
    fn type_name(&self) -> String {
        "dtype".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(self.0.name().to_string())
    }
    fn id(&self) -> usize {
        0x7d_0000 + self.0 as usize
    }
    fn same_as(&self, other: &Value) -> bool {
        as_dtype(other) == Some(self.0) && matches!(other, Value::Native(_))
    }
    fn compare(&self, op: CmpOp, other: &Value, _: &mut Interp) -> PyResult<Option<Value>> {
        let eq = matches!(other, Value::Native(_)) && as_dtype(other) == Some(self.0);
        Ok(match op {
            CmpOp::Eq => Some(Value::Bool(eq)),
            CmpOp::NotEq => Some(Value::Bool(!eq)),
            _ => None,
        })
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "is_floating_point" => Some(Value::Bool(self.0.is_floating_point())),
            "is_complex" => Some(Value::Bool(false)),
            "itemsize" => Some(Value::Int(self.0.itemsize() as i64)),
            _ => None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct Device;

impl NativeObject for Device {
    fn type_name(&self) -> String {
        "device".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok("device(type='cpu')".into())
    }
    fn str(&self, _: &mut Interp) -> PyResult<String> {
        Ok("cpu".into())
    }
    fn id(&self) -> usize {
        0x7e_0000
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "type" => Some(Value::str("cpu")),
            "index" => Some(Value::None),
            _ => None,
        })
    }
    fn compare(&self, op: CmpOp, other: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let eq = match other {
            Value::Str(s) => &**s == "cpu",
            Value::Native(n) => n.type_name() == "device" && n.str(interp)? == "cpu",
            _ => false,
        };
        Ok(match op {
            CmpOp::Eq => Some(Value::Bool(eq)),
            CmpOp::NotEq => Some(Value::Bool(!eq)),
            _ => None,
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A number argument (`lr=0.1`, `min=0`) as f64.
pub(crate) fn f64_arg(v: &Value, what: &str) -> PyResult<f64> {
    match as_num(v) {
        Some(Num::Int(i)) => Ok(i as f64),
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Big(_)) => Err(PyErr::overflow_error("int too large to convert to float")),
        None => match tensor_of(v) {
            Some(t) if t.numel() == 1 => Ok(t.item().py()?.to_f64()),
            _ => Err(PyErr::type_error(format!(
                "{what} must be a number, not {}",
                v.type_name()
            ))),
        },
    }
}

pub(crate) fn dim_arg(v: &Value) -> PyResult<isize> {
    dims_arg(v)
}
