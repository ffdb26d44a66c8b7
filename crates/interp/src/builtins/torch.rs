//! The `torch` module: binds the PyTorch surface to the `autograd` crate.
//!
//! - `torch`, `torch.autograd`, `torch.nn.functional`: native functions below.
//! - `torch.nn` and `torch.optim`: written in Python (`prelude.py`) over the native ones,
//!   so `class Net(nn.Module)` is ordinary Python inheritance.
//! - Tensors, nodes, sizes and dtypes are `NativeObject`s in [`super::tensor`].
//!
//! The native-base hooks at the end are the seam for native classes that Python classes
//! derive from; `nn.Module` is Python, so they are currently unused.

use super::builtin_fn;
use super::tensor::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use autograd::{DType, Reduction, Scalar, Tensor};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

const PRELUDE: &str = include_str!("prelude.py");

/// Loads `torch` or one of its submodules; `Ok(None)` means "no such module".
pub(crate) fn load(interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    if !interp.modules.contains_key("torch") {
        build(interp)?;
    }
    Ok(interp.modules.get(name).cloned())
}

fn set(m: &Value, name: &str, v: Value) {
    if let Value::Module(md) = m {
        md.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

fn build(interp: &mut Interp) -> PyResult<()> {
    let torch = super::module("torch", Vec::new());
    for (name, f) in TORCH_FNS {
        set(&torch, name, builtin_fn(name, *f));
    }
    for (name, d) in [
        ("float32", DType::Float32),
        ("float", DType::Float32),
        ("float64", DType::Float64),
        ("double", DType::Float64),
        ("int64", DType::Int64),
        ("long", DType::Int64),
        ("int32", DType::Int32),
        ("int", DType::Int32),
        ("bool", DType::Bool),
    ] {
        set(&torch, name, dtype_value(d));
    }
    set(&torch, "Tensor", tensor_type(false));
    for name in TORCH_METHOD_FNS {
        if let Some(f) = torch_attr_fallback(name) {
            set(&torch, name, f);
        }
    }
    set(&torch, "__version__", Value::str("2.15.0"));
    let autograd_m = super::module("torch.autograd", Vec::new());
    set(&autograd_m, "grad", builtin_fn("grad", autograd_grad));
    set(
        &autograd_m,
        "backward",
        builtin_fn("backward", autograd_backward),
    );
    let functional = super::module("torch.nn.functional", Vec::new());
    for (name, f) in FUNCTIONAL_FNS {
        set(&functional, name, builtin_fn(name, *f));
    }
    set(&torch, "autograd", autograd_m.clone());
    interp.modules.insert("torch".into(), torch.clone());
    interp.modules.insert("torch.autograd".into(), autograd_m);
    interp
        .modules
        .insert("torch.nn.functional".into(), functional.clone());

    // nn and optim, in Python.
    let prelude = crate::parser::parse_module(PRELUDE)
        .map_err(|e| PyErr::runtime_error(format!("torch prelude: {}", e.last_line())))?;
    interp.hidden_defs = true;
    let r = (|| -> PyResult<Value> {
        let crate::ast::StmtKind::FunctionDef(def) = &prelude.body[0].kind else {
            return Err(PyErr::runtime_error("torch prelude: no builder"));
        };
        let f = interp.make_function_at_module(def)?;
        let param_type = tensor_type(true);
        interp.call(
            &f,
            Args::positional(vec![torch.clone(), functional.clone(), param_type]),
        )
    })();
    interp.hidden_defs = false;
    let names = r?;
    let nn = super::module("torch.nn", Vec::new());
    let optim = super::module("torch.optim", Vec::new());
    if let Value::Dict(d) = &names {
        for (k, v) in d.data.borrow().entries.iter() {
            let Value::Str(k) = k else { continue };
            match k.split_once('.') {
                Some(("nn", n)) => set(&nn, n, v.clone()),
                Some(("optim", n)) => set(&optim, n, v.clone()),
                _ => set(&torch, k, v.clone()),
            }
        }
    }
    set(&nn, "functional", functional);
    set(&nn, "Parameter", tensor_type(true));
    set(&torch, "nn", nn.clone());
    set(&torch, "optim", optim.clone());
    interp.modules.insert("torch.nn".into(), nn);
    interp.modules.insert("torch.optim".into(), optim);
    Ok(())
}

// ---- type objects ----

/// A native class object such as `torch.Tensor` or `nn.Parameter`.
pub struct NativeType {
    pub name: String,
    pub qualname: String,
}

pub(crate) fn native_class(name: &str, qualname: &str) -> Value {
    Value::Native(Rc::new(NativeType {
        name: name.to_string(),
        qualname: qualname.to_string(),
    }))
}

pub(crate) fn tensor_type(param: bool) -> Value {
    if param {
        native_class("Parameter", "torch.nn.parameter.Parameter")
    } else {
        native_class("Tensor", "torch.Tensor")
    }
}

impl NativeObject for NativeType {
    fn type_name(&self) -> String {
        "type".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(format!("<class '{}'>", self.qualname))
    }
    fn id(&self) -> usize {
        0x7f_0000 + self.qualname.bytes().map(|b| b as usize).sum::<usize>() * 8
    }
    fn same_as(&self, other: &Value) -> bool {
        match other {
            Value::Native(n) => n.as_type_name().as_deref() == Some(self.name.as_str()),
            _ => false,
        }
    }
    fn compare(
        &self,
        op: crate::ast::CmpOp,
        other: &Value,
        _: &mut Interp,
    ) -> PyResult<Option<Value>> {
        let eq = self.same_as(other);
        Ok(match op {
            crate::ast::CmpOp::Eq => Some(Value::Bool(eq)),
            crate::ast::CmpOp::NotEq => Some(Value::Bool(!eq)),
            _ => None,
        })
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "__name__" | "__qualname__" => Some(Value::str(&self.name)),
            _ => None,
        })
    }
    fn call(&self, _: &Value, mut args: Args, interp: &mut Interp) -> Option<PyResult<Value>> {
        Some((|| {
            if self.name == "Parameter" {
                let data = args.arg(0, "data");
                let rg = match args.arg(1, "requires_grad") {
                    Some(v) => interp.truthy(&v)?,
                    None => true,
                };
                let t = match data {
                    Some(v) => tensor_of(&v).ok_or_else(|| {
                        PyErr::type_error(format!(
                            "Parameter.__new__() argument 'data' must be Tensor, not {}",
                            v.type_name()
                        ))
                    })?,
                    None => Tensor::zeros(&[0], DType::Float32).py()?,
                };
                let p = t.detach();
                p.set_requires_grad(rg).py()?;
                return Ok(wrap_param(p));
            }
            // torch.Tensor(data) copies data as float32; torch.Tensor(2, 3) allocates a shape.
            if let [data @ (Value::List(_) | Value::Tuple(_))] = args.positional.as_slice() {
                let nested = value_to_nested(interp, data, 0)?;
                return Ok(wrap(
                    Tensor::from_nested(&nested, Some(DType::Float32)).py()?,
                ));
            }
            let shape = shape_args(interp, &args.positional, "Tensor")?;
            let shape = usize_shape(&shape)?;
            check_alloc_shape(interp, &shape)?;
            Ok(wrap(Tensor::zeros(&shape, DType::Float32).py()?))
        })())
    }
    fn as_type_name(&self) -> Option<String> {
        Some(self.name.clone())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- grad mode context managers ----

/// `torch.no_grad()`, `torch.enable_grad()`, `torch.set_grad_enabled(b)`.
pub struct GradMode {
    name: &'static str,
    enabled: bool,
    /// For `set_grad_enabled`, the mode before the call (restored on exit).
    prev: Option<bool>,
    guards: RefCell<Vec<autograd::GradModeGuard>>,
}

impl NativeObject for GradMode {
    fn type_name(&self) -> String {
        self.name.into()
    }
    fn id(&self) -> usize {
        self as *const GradMode as usize
    }
    fn enter(&self, _: &Value, _: &mut Interp) -> Option<PyResult<Value>> {
        self.guards
            .borrow_mut()
            .push(autograd::GradModeGuard::new(self.enabled));
        Some(Ok(Value::None))
    }
    fn exit(&self, _: &mut Interp) -> PyResult<()> {
        let g = self.guards.borrow_mut().pop();
        drop(g);
        if let Some(p) = self.prev {
            autograd::set_grad_enabled(p);
        }
        Ok(())
    }
    fn call(&self, _: &Value, args: Args, _: &mut Interp) -> Option<PyResult<Value>> {
        // Used as a decorator: returns a function running under this mode.
        let f = args.positional.first()?.clone();
        Some(Ok(Value::Native(Rc::new(GradModeFn {
            func: f,
            enabled: self.enabled,
        }))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub struct GradModeFn {
    func: Value,
    enabled: bool,
}

impl NativeObject for GradModeFn {
    fn type_name(&self) -> String {
        "function".into()
    }
    fn id(&self) -> usize {
        self as *const GradModeFn as usize
    }
    fn call(&self, _: &Value, args: Args, interp: &mut Interp) -> Option<PyResult<Value>> {
        let _g = autograd::GradModeGuard::new(self.enabled);
        Some(interp.call(&self.func, args))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn grad_mode(name: &'static str, enabled: bool, prev: Option<bool>) -> Value {
    Value::Native(Rc::new(GradMode {
        name,
        enabled,
        prev,
        guards: RefCell::new(Vec::new()),
    }))
}

// ---- argument helpers ----

fn tensor_arg(v: &Value, fname: &str, argname: &str, pos: usize) -> PyResult<Tensor> {
    tensor_of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}(): argument '{argname}' (position {pos}) must be Tensor, not {}",
            v.type_name()
        ))
    })
}

fn dtype_kw(args: &mut Args) -> PyResult<Option<DType>> {
    match args.take_kw("dtype") {
        None | Some(Value::None) => Ok(None),
        Some(v) => as_dtype(&v).map(Some).ok_or_else(|| {
            PyErr::type_error(format!("dtype must be torch.dtype, not {}", v.type_name()))
        }),
    }
}

fn requires_grad_kw(interp: &mut Interp, args: &mut Args) -> PyResult<bool> {
    match args.take_kw("requires_grad") {
        Some(v) => interp.truthy(&v),
        None => Ok(false),
    }
}

fn finish_creation(interp: &mut Interp, t: Tensor, rg: bool) -> PyResult<Value> {
    let _ = interp;
    if rg {
        t.set_requires_grad_at_creation(true).py()?;
    }
    Ok(wrap(t))
}

fn ignore_device_kws(args: &mut Args) {
    for k in [
        "device",
        "layout",
        "pin_memory",
        "memory_format",
        "out",
        "generator",
    ] {
        args.take_kw(k);
    }
}

fn check_alloc_shape(interp: &mut Interp, shape: &[usize]) -> PyResult<()> {
    let n = shape
        .iter()
        .try_fold(1u128, |acc, &d| acc.checked_mul(d as u128))
        .unwrap_or(u128::MAX);
    interp.check_alloc(n.saturating_mul(8))
}

// ---- torch.* functions ----

type F = BuiltinImpl;

const TORCH_FNS: &[(&str, F)] = &[
    ("tensor", t_tensor),
    ("as_tensor", t_tensor),
    ("ones", t_ones),
    ("zeros", t_zeros),
    ("empty", t_zeros),
    ("full", t_full),
    ("ones_like", t_ones_like),
    ("zeros_like", t_zeros_like),
    ("full_like", t_full_like),
    ("rand", t_rand),
    ("randn", t_randn),
    ("randint", t_randint),
    ("rand_like", t_rand_like),
    ("randn_like", t_randn_like),
    ("arange", t_arange),
    ("linspace", t_linspace),
    ("eye", t_eye),
    ("manual_seed", t_manual_seed),
    ("cat", t_cat),
    ("concat", t_cat),
    ("stack", t_stack),
    ("where", t_where),
    ("no_grad", t_no_grad),
    ("enable_grad", t_enable_grad),
    ("set_grad_enabled", t_set_grad_enabled),
    ("is_grad_enabled", t_is_grad_enabled),
    ("is_tensor", t_is_tensor),
    ("numel", t_numel),
    ("set_printoptions", t_set_printoptions),
    ("Size", t_size),
    ("is_floating_point", t_is_floating_point),
    ("addmm", t_addmm),
];

/// Torch functions that are tensor methods with the tensor first: `torch.exp(x)`.
const TORCH_METHOD_FNS: &[&str] = &[
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
    "sum",
    "mean",
    "max",
    "min",
    "argmax",
    "argmin",
    "all",
    "any",
    "matmul",
    "mm",
    "dot",
    "mv",
    "bmm",
    "pow",
    "add",
    "sub",
    "mul",
    "div",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "softmax",
    "log_softmax",
    "flatten",
    "reshape",
    "transpose",
    "t",
    "squeeze",
    "unsqueeze",
    "permute",
    "detach",
    "clone",
    "masked_fill",
    "square",
    "norm",
    "equal",
    "allclose",
    "narrow",
    "select",
    "logical_not",
    "logical_and",
    "logical_or",
    "prod",
    "std",
    "var",
    "log1p",
    "maximum",
    "minimum",
    "floor",
    "ceil",
    "round",
    "trunc",
    "log2",
    "cumsum",
    "true_divide",
    "numel",
    "flip",
    "floor_divide",
    "remainder",
    "clamp_min",
    "clamp_max",
    "leaky_relu",
    "erf",
    "tril",
    "triu",
    "trace",
    "diagonal",
    "diag",
    "unbind",
    "split",
    "chunk",
];

pub(crate) fn torch_attr_fallback(name: &str) -> Option<Value> {
    if TORCH_METHOD_FNS.contains(&name) {
        return Some(Value::Native(Rc::new(TorchFn {
            name: name.to_string(),
        })));
    }
    None
}

/// `torch.exp` etc.: calls the tensor method on the first argument.
pub struct TorchFn {
    name: String,
}

impl NativeObject for TorchFn {
    fn type_name(&self) -> String {
        "builtin_function_or_method".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "<built-in method {} of type object at 0x7f0000000000>",
            self.name
        ))
    }
    fn id(&self) -> usize {
        self as *const TorchFn as usize
    }
    fn call(&self, _: &Value, mut args: Args, interp: &mut Interp) -> Option<PyResult<Value>> {
        Some((|| {
            let first = match args.take_kw("input") {
                Some(v) => v,
                None => {
                    if args.positional.is_empty() {
                        return Err(PyErr::type_error(format!(
                            "{}() missing 1 required positional arguments: \"input\"",
                            self.name
                        )));
                    }
                    args.positional.remove(0)
                }
            };
            let Some(t) = as_tensor(&first) else {
                return Err(PyErr::type_error(format!(
                    "{}(): argument 'input' (position 1) must be Tensor, not {}",
                    self.name,
                    first.type_name()
                )));
            };
            let t = PyTensor {
                t: t.t.clone(),
                param: false,
            };
            tensor_method(interp, &t, &first, &self.name, args)
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn t_tensor(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    args.no_kwargs("tensor")?;
    let Some(data) = args.positional.first() else {
        return Err(PyErr::type_error(
            "tensor() missing 1 required positional arguments: \"data\"",
        ));
    };
    let nested = value_to_nested(interp, data, 0)?;
    let t = Tensor::from_nested(&nested, dtype).py()?;
    finish_creation(interp, t, rg)
}

fn creation(interp: &mut Interp, mut args: Args, fname: &str, value: f64) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Float32);
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let size_kw = args.take_kw("size");
    args.no_kwargs(fname)?;
    let positional = match size_kw {
        Some(s) => vec![s],
        None => args.positional.clone(),
    };
    let shape = usize_shape(&shape_args(interp, &positional, fname)?)?;
    check_alloc_shape(interp, &shape)?;
    let t = Tensor::full(&shape, value, dtype).py()?;
    finish_creation(interp, t, rg)
}

fn t_ones(interp: &mut Interp, args: Args) -> PyResult<Value> {
    creation(interp, args, "ones", 1.0)
}

fn t_zeros(interp: &mut Interp, args: Args) -> PyResult<Value> {
    creation(interp, args, "zeros", 0.0)
}

fn t_full(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let fill = args
        .arg(1, "fill_value")
        .ok_or_else(|| PyErr::type_error("full() missing required argument 'fill_value'"))?;
    let size = args.arg(0, "size").unwrap_or(Value::None);
    let shape = usize_shape(&shape_args(interp, &[size], "full")?)?;
    check_alloc_shape(interp, &shape)?;
    let s =
        scalar_of(&fill).ok_or_else(|| PyErr::type_error("full(): fill_value must be a number"))?;
    let dtype = dtype.unwrap_or(s.default_dtype());
    let t = Tensor::full(&shape, s.to_f64(), dtype).py()?;
    finish_creation(interp, t, rg)
}

fn like(interp: &mut Interp, mut args: Args, fname: &str, value: Option<f64>) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let first = args.arg(0, "input").unwrap_or(Value::None);
    let t = tensor_arg(&first, fname, "input", 1)?;
    let v = match value {
        Some(v) => v,
        None => {
            let fill = args.arg(1, "fill_value").unwrap_or(Value::Int(0));
            scalar_of(&fill).map(|s| s.to_f64()).unwrap_or(0.0)
        }
    };
    let r = Tensor::full(t.shape(), v, dtype.unwrap_or(t.dtype())).py()?;
    finish_creation(interp, r, rg)
}

fn t_ones_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "ones_like", Some(1.0))
}

fn t_zeros_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "zeros_like", Some(0.0))
}

fn t_full_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "full_like", None)
}

fn random(interp: &mut Interp, mut args: Args, fname: &str, normal: bool) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Float32);
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let size_kw = args.take_kw("size");
    args.no_kwargs(fname)?;
    let positional = match size_kw {
        Some(s) => vec![s],
        None => args.positional.clone(),
    };
    let shape = usize_shape(&shape_args(interp, &positional, fname)?)?;
    check_alloc_shape(interp, &shape)?;
    let t = if normal {
        Tensor::randn(&shape, dtype)
    } else {
        Tensor::rand(&shape, dtype)
    }
    .py()?;
    finish_creation(interp, t, rg)
}

fn t_rand(interp: &mut Interp, args: Args) -> PyResult<Value> {
    random(interp, args, "rand", false)
}

fn t_randn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    random(interp, args, "randn", true)
}

fn t_rand_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "rand_like",
        "input",
        1,
    )?;
    let _ = interp;
    Ok(wrap(t.rand_like().py()?))
}

fn t_randn_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "randn_like",
        "input",
        1,
    )?;
    let _ = interp;
    Ok(wrap(t.randn_like().py()?))
}

fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(PyErr::type_error(format!(
            "{what} must be int, not {}",
            v.type_name()
        ))),
    }
}

fn t_randint(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Int64);
    ignore_device_kws(&mut args);
    let size = args.take_kw("size");
    let mut p = args.positional.clone();
    if let Some(s) = size {
        p.push(s);
    }
    let (low, high, size) = match p.as_slice() {
        [h, s] => (0, int_arg(h, "high")?, s.clone()),
        [l, h, s] => (int_arg(l, "low")?, int_arg(h, "high")?, s.clone()),
        _ => {
            return Err(PyErr::type_error(
                "randint() received an invalid combination of arguments",
            ))
        }
    };
    let shape = usize_shape(&shape_args(interp, &[size], "randint")?)?;
    check_alloc_shape(interp, &shape)?;
    Ok(wrap(Tensor::randint(low, high, &shape, dtype).py()?))
}

fn t_arange(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let sc = |v: &Value| {
        scalar_of(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "arange(): argument 'end' must be Number, not {}",
                v.type_name()
            ))
        })
    };
    let p = args.positional.clone();
    let (start, end, step) = match p.as_slice() {
        [e] => (Scalar::Int(0), sc(e)?, Scalar::Int(1)),
        [s, e] => (sc(s)?, sc(e)?, Scalar::Int(1)),
        [s, e, st] => (sc(s)?, sc(e)?, sc(st)?),
        _ => {
            return Err(PyErr::type_error(
                "arange() received an invalid combination of arguments",
            ))
        }
    };
    let n = ((end.to_f64() - start.to_f64()) / step.to_f64()).abs();
    if n.is_finite() {
        interp.check_alloc((n as u128).saturating_mul(8))?;
    }
    let t = Tensor::arange(start, end, step, dtype).py()?;
    finish_creation(interp, t, rg)
}

fn t_linspace(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let start = f64_arg(&args.arg(0, "start").unwrap_or(Value::Int(0)), "start")?;
    let end = f64_arg(&args.arg(1, "end").unwrap_or(Value::Int(0)), "end")?;
    let steps = int_arg(&args.arg(2, "steps").unwrap_or(Value::Int(100)), "steps")?;
    interp.check_alloc((steps.max(0) as u128) * 8)?;
    let t = Tensor::linspace(start, end, steps, dtype).py()?;
    finish_creation(interp, t, rg)
}

fn t_eye(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Float32);
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let n = int_arg(&args.arg(0, "n").unwrap_or(Value::Int(0)), "n")?.max(0) as usize;
    let m = match args.arg(1, "m") {
        Some(v) => Some(int_arg(&v, "m")?.max(0) as usize),
        None => None,
    };
    check_alloc_shape(interp, &[n, m.unwrap_or(n)])?;
    let t = Tensor::eye(n, m, dtype).py()?;
    finish_creation(interp, t, rg)
}

fn t_manual_seed(_: &mut Interp, args: Args) -> PyResult<Value> {
    let s = int_arg(args.positional.first().unwrap_or(&Value::Int(0)), "seed")?;
    autograd::manual_seed(s as u64);
    Ok(Value::None)
}

fn tensor_list(interp: &mut Interp, v: &Value, _fname: &str) -> PyResult<Vec<Tensor>> {
    let items = interp.collect(v)?;
    items
        .iter()
        .enumerate()
        .map(|(i, x)| {
            tensor_of(x).ok_or_else(|| {
                PyErr::type_error(format!(
                    "expected Tensor as element {i} in argument 0, but got {}",
                    x.type_name()
                ))
            })
        })
        .collect::<PyResult<Vec<_>>>()
}

fn t_cat(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let seq = args.arg(0, "tensors").unwrap_or(Value::None);
    let dim = match args.arg(1, "dim") {
        Some(v) => dim_arg(&v)?,
        None => 0,
    };
    let ts = tensor_list(interp, &seq, "cat")?;
    Ok(wrap(Tensor::cat(&ts, dim).py()?))
}

fn t_stack(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let seq = args.arg(0, "tensors").unwrap_or(Value::None);
    let dim = match args.arg(1, "dim") {
        Some(v) => dim_arg(&v)?,
        None => 0,
    };
    let ts = tensor_list(interp, &seq, "stack")?;
    Ok(wrap(Tensor::stack(&ts, dim).py()?))
}

fn as_tensor_like(v: &Value, like: &Tensor) -> PyResult<Tensor> {
    if let Some(t) = tensor_of(v) {
        return Ok(t);
    }
    match scalar_of(v) {
        Some(s) => Ok(Tensor::scalar_of(
            s.to_f64(),
            if matches!(s, Scalar::Float(_)) {
                DType::Float32
            } else {
                like.dtype()
            },
        )),
        None => Err(PyErr::type_error(format!(
            "where(): argument 'other' must be Tensor, not {}",
            v.type_name()
        ))),
    }
}

fn t_where(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("where", 3, 3)?;
    let cond = tensor_arg(&args.positional[0], "where", "condition", 1)?;
    let a = as_tensor_like(&args.positional[1], &cond)?;
    let b = as_tensor_like(&args.positional[2], &a)?;
    Ok(wrap(Tensor::where_(&cond, &a, &b).py()?))
}

fn t_no_grad(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(grad_mode("no_grad", false, None))
}

fn t_enable_grad(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(grad_mode("enable_grad", true, None))
}

fn t_set_grad_enabled(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mode = args.arg(0, "mode").unwrap_or(Value::Bool(true));
    let flag = interp.truthy(&mode)?;
    let prev = autograd::is_grad_enabled();
    autograd::set_grad_enabled(flag);
    Ok(grad_mode("set_grad_enabled", flag, Some(prev)))
}

fn t_is_grad_enabled(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Bool(autograd::is_grad_enabled()))
}

fn t_is_tensor(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.positional
            .first()
            .is_some_and(|v| tensor_of(v).is_some()),
    ))
}

fn t_numel(_: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "numel",
        "input",
        1,
    )?;
    Ok(Value::Int(t.numel() as i64))
}

fn t_is_floating_point(_: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "is_floating_point",
        "input",
        1,
    )?;
    Ok(Value::Bool(t.dtype().is_floating_point()))
}

fn t_set_printoptions(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mut o = autograd::print_options();
    if let Some(p) = args.take_kw("profile") {
        if p.as_str() == Some("default") {
            o = autograd::PrintOptions {
                precision: 4,
                threshold: 1000,
                edgeitems: 3,
                linewidth: 80,
                sci_mode: None,
            };
        }
    }
    if let Some(v) = args
        .take_kw("precision")
        .or_else(|| args.positional.first().cloned())
    {
        o.precision = int_arg(&v, "precision")?.clamp(0, 100) as usize;
    }
    if let Some(v) = args.take_kw("threshold") {
        o.threshold = f64_arg(&v, "threshold")?.max(0.0).min(usize::MAX as f64) as usize;
    }
    if let Some(v) = args.take_kw("edgeitems") {
        o.edgeitems = int_arg(&v, "edgeitems")?.clamp(0, 1000) as usize;
    }
    if let Some(v) = args.take_kw("linewidth") {
        o.linewidth = int_arg(&v, "linewidth")?.clamp(1, 100_000) as usize;
    }
    if let Some(v) = args.take_kw("sci_mode") {
        o.sci_mode = match v {
            Value::None => None,
            other => Some(interp.truthy(&other)?),
        };
    }
    autograd::set_print_options(o);
    Ok(Value::None)
}

fn t_size(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let dims = match args.positional.first() {
        None => Vec::new(),
        Some(v) => interp
            .collect(v)?
            .iter()
            .map(|d| int_arg(d, "Size element").map(|x| x.max(0) as usize))
            .collect::<PyResult<_>>()?,
    };
    Ok(size_value(dims))
}

// ---- torch.autograd ----

fn opt_tensor_list(interp: &mut Interp, v: Option<Value>) -> PyResult<Vec<Option<Tensor>>> {
    match v {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(v) if tensor_of(&v).is_some() => Ok(vec![tensor_of(&v)]),
        Some(v) => Ok(interp.collect(&v)?.iter().map(tensor_of).collect()),
    }
}

fn tensors_arg(interp: &mut Interp, v: &Value, fname: &str) -> PyResult<Vec<Tensor>> {
    if let Some(t) = tensor_of(v) {
        return Ok(vec![t]);
    }
    tensor_list(interp, v, fname)
}

fn opt_bool(interp: &mut Interp, v: Option<Value>) -> PyResult<Option<bool>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => interp.truthy(&v).map(Some),
    }
}

fn autograd_grad(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let outputs = args.arg(0, "outputs").unwrap_or(Value::None);
    let inputs = args.arg(1, "inputs").unwrap_or(Value::None);
    let grad_outputs = args.arg(2, "grad_outputs");
    let retain = args.take_kw("retain_graph");
    let create = args.take_kw("create_graph");
    let allow_unused = args.take_kw("allow_unused");
    let outs = tensors_arg(interp, &outputs, "grad")?;
    let ins = tensors_arg(interp, &inputs, "grad")?;
    let gos = opt_tensor_list(interp, grad_outputs)?;
    let retain = opt_bool(interp, retain)?;
    let create = opt_bool(interp, create)?.unwrap_or(false);
    let allow = opt_bool(interp, allow_unused)?.unwrap_or(false);
    let r = lend_interp(interp, || {
        autograd::grad(&outs, &ins, &gos, retain, create, allow)
    })
    .py()?;
    Ok(Value::tuple(
        r.into_iter()
            .map(|g| g.map(wrap).unwrap_or(Value::None))
            .collect(),
    ))
}

fn autograd_backward(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let tensors = args.arg(0, "tensors").unwrap_or(Value::None);
    let grads = args.arg(1, "grad_tensors");
    let retain = args.take_kw("retain_graph");
    let create = args.take_kw("create_graph");
    let ts = tensors_arg(interp, &tensors, "backward")?;
    let gs = opt_tensor_list(interp, grads)?;
    let retain = opt_bool(interp, retain)?;
    let create = opt_bool(interp, create)?.unwrap_or(false);
    run_backward(interp, &ts, &gs, retain, create)?;
    Ok(Value::None)
}

thread_local! {
    /// The interpreter, lent out while autograd runs so that tensor hooks can call Python.
    static LENT: RefCell<Option<Interp>> = const { RefCell::new(None) };
}

/// Runs `f` (which calls into autograd) with the interpreter lent to tensor hooks.
fn lend_interp<R>(interp: &mut Interp, f: impl FnOnce() -> R) -> R {
    let free = LENT.with(|c| c.try_borrow().map(|s| s.is_none()).unwrap_or(false));
    if !free {
        return f();
    }
    let limits = interp.limits.clone();
    let real = std::mem::replace(interp, Interp::bare(limits));
    LENT.with(|c| *c.borrow_mut() = Some(real));
    let r = f();
    if let Some(real) = LENT.with(|c| c.borrow_mut().take()) {
        *interp = real;
    }
    r
}

/// A Python callable as an autograd hook.
fn python_hook(func: Value) -> autograd::Hook {
    Rc::new(move |g: &Tensor| {
        LENT.with(|c| {
            let mut slot = c.try_borrow_mut().map_err(|_| {
                autograd::TorchError::runtime("tensor hooks cannot run backward() themselves")
            })?;
            let Some(interp) = slot.as_mut() else {
                return Err(autograd::TorchError::runtime(
                    "tensor hooks can only run during backward()",
                ));
            };
            match interp.call(&func, Args::positional(vec![wrap(g.clone())])) {
                Ok(Value::None) => Ok(None),
                Ok(v) => match tensor_of(&v) {
                    Some(t) => Ok(Some(t)),
                    None => Err(autograd::TorchError::type_error(format!(
                        "hook returned an object of type {}, expected a Tensor or None",
                        v.type_name()
                    ))),
                },
                Err(e) => Err(autograd::TorchError {
                    kind: autograd::ErrorKind::Other(e.kind.clone()),
                    message: e.message.clone(),
                }),
            }
        })
    })
}

/// Runs backward, recording a trace for the debugger when the session asks for it.
fn run_backward(
    interp: &mut Interp,
    ts: &[Tensor],
    gs: &[Option<Tensor>],
    retain: Option<bool>,
    create: bool,
) -> PyResult<()> {
    if interp.trace_backward {
        let named = interp.named_tensors();
        let (graph, index) = autograd::SnapshotIndex::build(&named);
        let trace = lend_interp(interp, || {
            autograd::backward_traced(ts, gs, retain, create, Some(&index))
        })
        .py()?;
        interp.traces.push(trace);
        interp.trace_graphs.push(graph);
        return Ok(());
    }
    lend_interp(interp, || autograd::backward(ts, gs, retain, create)).py()
}

// ---- torch.nn.functional ----

const FUNCTIONAL_FNS: &[(&str, F)] = &[
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
    ("binary_cross_entropy", f_bce),
    ("binary_cross_entropy_with_logits", f_bce_logits),
    ("gelu", f_gelu),
    ("silu", f_silu),
    ("elu", f_elu),
    ("softplus", f_softplus),
    ("leaky_relu", f_leaky_relu),
    ("one_hot", f_one_hot),
];

fn first_tensor(args: &mut Args, fname: &str) -> PyResult<Tensor> {
    let v = args.arg(0, "input").unwrap_or(Value::None);
    tensor_arg(&v, fname, "input", 1)
}

fn f_relu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    Ok(wrap(first_tensor(&mut args, "relu")?.relu().py()?))
}

fn f_sigmoid(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    Ok(wrap(first_tensor(&mut args, "sigmoid")?.sigmoid().py()?))
}

fn f_tanh(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    Ok(wrap(first_tensor(&mut args, "tanh")?.tanh().py()?))
}

fn softmax_dim(t: &Tensor, args: &mut Args) -> PyResult<isize> {
    match args.arg(1, "dim") {
        Some(Value::None) | None => Ok(if t.dim() == 0 || t.dim() == 1 || t.dim() == 3 {
            0
        } else {
            1
        }),
        Some(v) => dim_arg(&v),
    }
}

fn f_softmax(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "softmax")?;
    let d = softmax_dim(&t, &mut args)?;
    Ok(wrap(t.softmax(d).py()?))
}

fn f_log_softmax(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "log_softmax")?;
    let d = softmax_dim(&t, &mut args)?;
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

fn f_mse_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "mse_loss")?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, "mse_loss", "target", 2)?;
    let red = reduction_arg(
        args.take_kw("reduction")
            .or_else(|| args.positional.get(4).cloned()),
    )?;
    Ok(wrap(input.mse_loss(&target, red).py()?))
}

fn f_cross_entropy(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "cross_entropy")?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, "cross_entropy", "target", 2)?;
    let ignore = match args.take_kw("ignore_index") {
        Some(v) => int_arg(&v, "ignore_index")?,
        None => -100,
    };
    let red = reduction_arg(args.take_kw("reduction"))?;
    Ok(wrap(input.cross_entropy(&target, red, ignore).py()?))
}

fn f_nll_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
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

fn f_linear(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let input = first_tensor(&mut args, "linear")?;
    let w = args.arg(1, "weight").unwrap_or(Value::None);
    let w = tensor_arg(&w, "linear", "weight", 2)?;
    let b = args.arg(2, "bias").and_then(|v| tensor_of(&v));
    Ok(wrap(input.linear(&w, b.as_ref()).py()?))
}

fn loss_args(args: &mut Args, fname: &str) -> PyResult<(Tensor, Tensor, Reduction)> {
    let input = first_tensor(args, fname)?;
    let target = args.arg(1, "target").unwrap_or(Value::None);
    let target = tensor_arg(&target, fname, "target", 2)?;
    let red = reduction_arg(args.take_kw("reduction"))?;
    Ok((input, target, red))
}

fn f_l1_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "l1_loss")?;
    Ok(wrap(i.l1_loss(&t, r).py()?))
}

fn f_smooth_l1_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let beta = match args.take_kw("beta") {
        Some(b) => f64_arg(&b, "beta")?,
        None => 1.0,
    };
    let (i, t, r) = loss_args(&mut args, "smooth_l1_loss")?;
    Ok(wrap(i.smooth_l1_loss(&t, r, beta).py()?))
}

fn f_huber_loss(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let delta = match args.take_kw("delta") {
        Some(b) => f64_arg(&b, "delta")?,
        None => 1.0,
    };
    let (i, t, r) = loss_args(&mut args, "huber_loss")?;
    Ok(wrap(i.huber_loss(&t, r, delta).py()?))
}

fn f_bce(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "binary_cross_entropy")?;
    Ok(wrap(i.binary_cross_entropy(&t, r).py()?))
}

fn f_bce_logits(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (i, t, r) = loss_args(&mut args, "binary_cross_entropy_with_logits")?;
    Ok(wrap(i.binary_cross_entropy_with_logits(&t, r).py()?))
}

fn f_unary(args: &mut Args, name: &str) -> PyResult<Value> {
    let t = first_tensor(args, name)?;
    let r = match name {
        "gelu" => t.gelu(),
        "silu" => t.silu(),
        "elu" => {
            let a = match args.arg(1, "alpha") {
                Some(v) => f64_arg(&v, "alpha")?,
                None => 1.0,
            };
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
            t.leaky_relu(s)
        }
    };
    Ok(wrap(r.py()?))
}

fn f_gelu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "gelu")
}

fn f_silu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "silu")
}

fn f_elu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "elu")
}

fn f_softplus(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "softplus")
}

fn f_leaky_relu(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    f_unary(&mut args, "leaky_relu")
}

fn f_one_hot(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = first_tensor(&mut args, "one_hot")?;
    let n = match args.arg(1, "num_classes") {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    Ok(wrap(t.one_hot(n).py()?))
}

fn t_addmm(_: &mut Interp, mut args: Args) -> PyResult<Value> {
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

// ---- tensor methods ----

fn opt_dims(interp: &mut Interp, v: Option<Value>) -> PyResult<Option<Vec<isize>>> {
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

fn keepdim(interp: &mut Interp, args: &mut Args, pos: usize) -> PyResult<bool> {
    match args.arg(pos, "keepdim") {
        Some(v) => interp.truthy(&v),
        None => Ok(false),
    }
}

fn int_list(interp: &mut Interp, args: &[Value], fname: &str) -> PyResult<Vec<isize>> {
    Ok(shape_args(interp, args, fname)?
        .into_iter()
        .map(|d| d as isize)
        .collect())
}

fn tuple2(a: Tensor, b: Tensor) -> Value {
    Value::tuple(vec![wrap(a), wrap(b)])
}

/// Dispatches `x.name(*args, **kwargs)`.
pub(crate) fn tensor_method(
    interp: &mut Interp,
    pt: &PyTensor,
    this: &Value,
    name: &str,
    mut args: Args,
) -> PyResult<Value> {
    let t = &pt.t;
    let p0 = args.positional.first().cloned();
    let unit = |r: autograd::Result<()>| -> PyResult<Value> {
        r.py()?;
        Ok(this.clone())
    };
    let v = |r: autograd::Result<Tensor>| -> PyResult<Value> { r.py().map(wrap) };
    match name {
        "backward" => {
            let gradient = args.arg(0, "gradient").and_then(|g| tensor_of(&g));
            let retain = args.arg(1, "retain_graph");
            let retain = opt_bool(interp, retain)?;
            let create = args.arg(2, "create_graph");
            let create = opt_bool(interp, create)?.unwrap_or(false);
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
                return Ok(Value::None);
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
        "pow_" => {
            let s = scalar_of(&p0.unwrap_or(Value::Int(1)))
                .ok_or_else(|| PyErr::type_error("pow_(): argument 'exponent' must be Number"))?;
            unit(t.pow_scalar_(s))
        }
        "clamp_min" => v(t.clamp_min(f64_arg(&p0.unwrap_or(Value::Int(0)), "min")?)),
        "clamp_max" => v(t.clamp_max(f64_arg(&p0.unwrap_or(Value::Int(0)), "max")?)),
        "clamp_" | "clamp" => {
            let (lo, hi) = (args.arg(0, "min"), args.arg(1, "max"));
            let f = |v: Option<Value>| -> PyResult<Option<f64>> {
                match v {
                    None | Some(Value::None) => Ok(None),
                    Some(v) => f64_arg(&v, "min").map(Some),
                }
            };
            let (lo, hi) = (f(lo)?, f(hi)?);
            if name == "clamp_" {
                unit(t.clamp_(lo, hi))
            } else {
                v(t.clamp(lo, hi))
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
                    return v(t.to_dtype(d));
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
            Some(d) => v(t.squeeze_dim(dim_arg(&d)?)),
        },
        "expand" => {
            let sizes: Vec<i64> = shape_args(interp, &args.positional, "expand")?;
            v(t.expand_sizes(&sizes))
        }
        "expand_as" => {
            let o = tensor_arg(&p0.unwrap_or(Value::None), "expand_as", "other", 1)?;
            v(t.expand_as(&o))
        }
        "sum" | "mean" => {
            let dims = opt_dims(interp, args.arg(0, "dim"))?;
            let kd = keepdim(interp, &mut args, 1)?;
            let dtype = dtype_kw(&mut args)?;
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
        "max" | "min" => {
            if let Some(o) = p0.as_ref().and_then(tensor_of) {
                let r = if name == "max" {
                    t.maximum(&o)
                } else {
                    t.minimum(&o)
                };
                return v(r);
            }
            match args.arg(0, "dim") {
                None | Some(Value::None) => v(if name == "max" { t.max() } else { t.min() }),
                Some(d) => {
                    let d = dim_arg(&d)?;
                    let kd = keepdim(interp, &mut args, 1)?;
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
            let kd = keepdim(interp, &mut args, 1)?;
            v(if name == "argmax" {
                t.argmax(d, kd)
            } else {
                t.argmin(d, kd)
            })
        }
        "all" => v(t.all()),
        "any" => v(t.any()),
        "exp" => v(t.exp()),
        "log" => v(t.log()),
        "sqrt" => v(t.sqrt()),
        "abs" => v(t.abs()),
        "sin" => v(t.sin()),
        "cos" => v(t.cos()),
        "tanh" => v(t.tanh()),
        "sigmoid" => v(t.sigmoid()),
        "relu" => v(t.relu()),
        "neg" => v(t.neg()),
        "reciprocal" => v(t.reciprocal()),
        "sign" => v(t.sign()),
        "logical_not" => v(t.logical_not()),
        "log1p" => v(t.log1p()),
        "log2" => v(t.log2()),
        "floor" => v(t.floor()),
        "ceil" => v(t.ceil()),
        "round" => v(t.round()),
        "trunc" => v(t.trunc()),
        "square" => v(t.pow_scalar(2i64)),
        "prod" => v(t.prod()),
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
            let kd = keepdim(interp, &mut args, 1)?;
            let r = if name == "std" {
                t.std(&dims, correction, kd)
            } else {
                t.var(&dims, correction, kd)
            };
            v(r)
        }
        "norm" => v(t.norm()),
        "relu_" => unit(t.relu_()),
        "sigmoid_" => unit(t.sigmoid_()),
        "exp_" => unit(t.exp_()),
        "neg_" => unit(t.neg_()),
        "square_" => unit(t.square_()),
        "tanh_" => unit(t.tanh_()),
        "sqrt_" => unit(t.sqrt_()),
        "abs_" => unit(t.abs_()),
        "uniform_" => {
            let a = f64_arg(&args.arg(0, "from").unwrap_or(Value::Float(0.0)), "from")?;
            let b = f64_arg(&args.arg(1, "to").unwrap_or(Value::Float(1.0)), "to")?;
            unit(t.uniform_(a, b))
        }
        "normal_" => {
            let a = f64_arg(&args.arg(0, "mean").unwrap_or(Value::Float(0.0)), "mean")?;
            let b = f64_arg(&args.arg(1, "std").unwrap_or(Value::Float(1.0)), "std")?;
            unit(t.normal_(a, b))
        }
        "cumsum" => v(t.cumsum(dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(0)))?)),
        "flip" => {
            let dims = int_list(interp, &args.positional, "flip")?;
            v(t.flip(&dims))
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
        "add" | "sub" | "mul" | "div" | "true_divide" | "rsub" => {
            let other = args.arg(0, "other").unwrap_or(Value::None);
            let other = match args.take_kw("alpha") {
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
        "bool" => v(t.to_dtype(DType::Bool)),
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
        "cpu" | "cuda" | "numpy" => Ok(this.clone()),
        "softmax" | "log_softmax" => {
            let d = dim_arg(&args.arg(0, "dim").unwrap_or(Value::Int(-1)))?;
            v(if name == "softmax" {
                t.softmax(d)
            } else {
                t.log_softmax(d)
            })
        }
        "masked_fill" => {
            let mask = tensor_arg(
                &args.arg(0, "mask").unwrap_or(Value::None),
                "masked_fill",
                "mask",
                1,
            )?;
            let val = f64_arg(&args.arg(1, "value").unwrap_or(Value::Int(0)), "value")?;
            v(t.masked_fill(&mask, val))
        }
        "where" => {
            let cond = tensor_arg(
                &args.arg(0, "condition").unwrap_or(Value::None),
                "where",
                "condition",
                1,
            )?;
            let other = as_tensor_like(&args.arg(1, "other").unwrap_or(Value::None), t)?;
            v(Tensor::where_(&cond, t, &other))
        }
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
        _ => Err(PyErr::attribute_error(format!(
            "'Tensor' object has no attribute '{name}'"
        ))),
    }
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

/// `x.max(dim)` returns a named tuple `torch.return_types.max(values=..., indices=...)`.
fn minmax_result(name: &str, values: Tensor, indices: Tensor) -> Value {
    Value::Native(Rc::new(ReturnTypes {
        name: name.to_string(),
        values,
        indices,
    }))
}

pub struct ReturnTypes {
    name: String,
    values: Tensor,
    indices: Tensor,
}

impl NativeObject for ReturnTypes {
    fn type_name(&self) -> String {
        self.name.clone()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        Ok(format!(
            "torch.return_types.{}(\nvalues={},\nindices={})",
            self.name,
            autograd::format_tensor(&self.values),
            autograd::format_tensor(&self.indices)
        ))
    }
    fn id(&self) -> usize {
        self as *const ReturnTypes as usize
    }
    fn get_attr(&self, _: &Value, name: &str, _: &mut Interp) -> PyResult<Option<Value>> {
        Ok(match name {
            "values" => Some(wrap(self.values.clone())),
            "indices" => Some(wrap(self.indices.clone())),
            _ => None,
        })
    }
    fn get_item(&self, key: &Value, interp: &mut Interp) -> PyResult<Option<Value>> {
        let t = tuple2(self.values.clone(), self.indices.clone());
        interp.get_item(&t, key).map(Some)
    }
    fn len(&self) -> Option<usize> {
        Some(2)
    }
    fn iter_items(&self, _: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(vec![
            wrap(self.values.clone()),
            wrap(self.indices.clone()),
        ]))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// ---- native-base seam (unused while nn.Module is Python) ----

/// `type(x)` for a native object, if it has a type object.
pub(crate) fn native_type(_interp: &Interp, obj: &dyn NativeObject) -> Option<Value> {
    let any = obj.as_any();
    if let Some(t) = any.downcast_ref::<PyTensor>() {
        return Some(tensor_type(t.param));
    }
    if any.is::<TensorMethod>() || any.is::<TorchFn>() {
        return Some(Value::Type(BuiltinType::BuiltinFunction));
    }
    if any.is::<NativeType>() {
        return Some(Value::Type(BuiltinType::Type));
    }
    let (name, qual) = if any.is::<PyDType>() {
        ("dtype".to_string(), "torch.dtype".to_string())
    } else if any.is::<PySize>() {
        ("Size".to_string(), "torch.Size".to_string())
    } else if any.is::<Device>() {
        ("device".to_string(), "torch.device".to_string())
    } else {
        let n = obj.type_name();
        (n.clone(), n)
    };
    Some(native_class(&name, &qual))
}

/// Initialises the native part of an instance whose class derives from a native class
/// and defines no `__init__` of its own.
pub(crate) fn init_native_base(
    _interp: &mut Interp,
    base: &Value,
    _instance: &Value,
    _args: Args,
) -> PyResult<()> {
    Err(PyErr::type_error(format!(
        "cannot subclass '{}'",
        base.type_name()
    )))
}

/// A method of a native base class looked up through `super()` (e.g. `super().__init__`).
pub(crate) fn native_base_method(
    _interp: &mut Interp,
    _base: &Value,
    _this: &Value,
    _name: &str,
) -> PyResult<Option<Value>> {
    Ok(None)
}

/// `repr` of an instance whose native state wants to print itself.
pub(crate) fn native_instance_repr(
    _interp: &mut Interp,
    _native: &Value,
    _this: &Value,
) -> PyResult<Option<String>> {
    Ok(None)
}
