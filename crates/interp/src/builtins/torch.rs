//! The `torch` module: binds the PyTorch surface to the `autograd` crate.
//!
//! - `torch`, `torch.autograd`, `torch.nn.functional`: native functions below.
//! - `torch.nn` and `torch.optim`: written in Python (`prelude.py`) over the native ones,
//!   so `class Net(nn.Module)` is ordinary Python inheritance.
//! - Tensors, nodes, sizes and dtypes are `NativeObject`s in [`super::tensor`].
//!
//! The native-base hooks at the end are the seam for native classes that Python classes
//! derive from; `nn.Module` is Python, so they are currently unused.

use super::backward::*;
use super::builtin_fn;
use super::functional::*;
use super::tensor::*;
use super::tensor_methods::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use autograd::{DType, Scalar, Tensor};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

const PRELUDE: &str = include_str!("prelude.py");

thread_local! {
    /// The prelude's builder function, parsed once per thread: every `Session` (each Run in the
    /// worker, the worker's warm-up) imports torch anew, and the AST holds no per-session state.
    static PRELUDE_DEF: RefCell<Option<Rc<crate::ast::FunctionDef>>> = const { RefCell::new(None) };
}

/// The prelude's `__build_torch` definition (parsed on first use).
fn prelude_builder() -> PyResult<Rc<crate::ast::FunctionDef>> {
    if let Some(def) = PRELUDE_DEF.with(|c| c.borrow().clone()) {
        return Ok(def);
    }
    let prelude = crate::parser::parse_module(PRELUDE)
        .map_err(|e| PyErr::runtime_error(format!("torch prelude: {}", e.last_line())))?;
    let Some(crate::ast::StmtKind::FunctionDef(def)) = prelude.body.first().map(|s| &s.kind) else {
        return Err(PyErr::runtime_error("torch prelude: no builder"));
    };
    PRELUDE_DEF.with(|c| *c.borrow_mut() = Some(def.clone()));
    Ok(def.clone())
}

/// Loads `torch` or one of its submodules; `Ok(None)` means "no such module".
pub(crate) fn load(interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    if !interp.modules.contains_key("torch") {
        build(interp)?;
    }
    Ok(interp.modules.get(name).cloned())
}

pub(crate) fn set(m: &Value, name: &str, v: Value) {
    if let Value::Module(md) = m {
        md.attrs.borrow_mut().insert(Rc::from(name), v);
    }
}

pub(crate) fn build(interp: &mut Interp) -> PyResult<()> {
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
        ("int16", DType::Int16),
        ("short", DType::Int16),
        ("int", DType::Int32),
        ("bool", DType::Bool),
    ] {
        set(&torch, name, dtype_value(d));
    }
    set(&torch, "Tensor", tensor_type(false));
    set(
        &torch,
        "Generator",
        native_class("Generator", "torch._C.Generator"),
    );
    set(&torch, "device", builtin_fn("device", t_device));
    let cuda = super::module("torch.cuda", Vec::new());
    set(
        &cuda,
        "is_available",
        builtin_fn("is_available", |_, _| Ok(Value::Bool(false))),
    );
    set(
        &cuda,
        "device_count",
        builtin_fn("device_count", |_, _| Ok(Value::Int(0))),
    );
    set(&torch, "cuda", cuda.clone());
    interp.modules.insert("torch.cuda".into(), cuda);
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
    let def = prelude_builder()?;
    interp.hidden_defs = true;
    let r = (|| -> PyResult<Value> {
        let f = interp.make_function_at_module(&def)?;
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
                Some(("F", n)) => set(&functional, n, v.clone()),
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
            if self.name == "Generator" {
                return super::rng::t_generator(interp, args);
            }
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

pub(crate) fn grad_mode(name: &'static str, enabled: bool, prev: Option<bool>) -> Value {
    Value::Native(Rc::new(GradMode {
        name,
        enabled,
        prev,
        guards: RefCell::new(Vec::new()),
    }))
}

// ---- argument helpers ----

pub(crate) fn tensor_arg(v: &Value, fname: &str, argname: &str, pos: usize) -> PyResult<Tensor> {
    tensor_of(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}(): argument '{argname}' (position {pos}) must be Tensor, not {}",
            v.type_name()
        ))
    })
}

pub(crate) fn dtype_kw(args: &mut Args) -> PyResult<Option<DType>> {
    match args.take_kw("dtype") {
        None | Some(Value::None) => Ok(None),
        Some(v) => as_dtype(&v).map(Some).ok_or_else(|| {
            PyErr::type_error(format!("dtype must be torch.dtype, not {}", v.type_name()))
        }),
    }
}

pub(crate) fn requires_grad_kw(interp: &mut Interp, args: &mut Args) -> PyResult<bool> {
    match args.take_kw("requires_grad") {
        Some(v) => interp.truthy(&v),
        None => Ok(false),
    }
}

pub(crate) fn finish_creation(interp: &mut Interp, t: Tensor, rg: bool) -> PyResult<Value> {
    let _ = interp;
    if rg {
        t.set_requires_grad_at_creation(true).py()?;
    }
    Ok(wrap(t))
}

pub(crate) fn ignore_device_kws(args: &mut Args) {
    for k in ["device", "layout", "pin_memory", "memory_format", "out"] {
        args.take_kw(k);
    }
}

pub(crate) fn check_alloc_shape(interp: &mut Interp, shape: &[usize]) -> PyResult<()> {
    let n = shape
        .iter()
        .try_fold(1u128, |acc, &d| acc.checked_mul(d as u128))
        .unwrap_or(u128::MAX);
    interp.check_alloc(n.saturating_mul(8))
}

// ---- torch.* functions ----

pub(crate) type F = BuiltinImpl;

pub(crate) const TORCH_FNS: &[(&str, F)] = &[
    ("tensor", t_tensor),
    ("as_tensor", t_tensor),
    ("ones", t_ones),
    ("zeros", t_zeros),
    ("empty", t_zeros),
    ("full", t_full),
    ("ones_like", t_ones_like),
    ("zeros_like", t_zeros_like),
    ("empty_like", t_zeros_like),
    ("full_like", t_full_like),
    ("embedding", super::functional::t_embedding),
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
    ("hstack", t_hstack),
    ("vstack", t_vstack),
    ("randperm", t_randperm),
    ("initial_seed", super::rng::t_initial_seed),
    ("_draw_seed", super::rng::t_draw_seed),
    ("normal", t_normal),
    ("where", t_where),
    ("no_grad", t_no_grad),
    ("enable_grad", t_enable_grad),
    ("inference_mode", t_inference_mode),
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
pub(crate) const TORCH_METHOD_FNS: &[&str] = &[
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
    "cumprod",
    "sort",
    "argsort",
    "topk",
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
    "nonzero",
    "clip",
    "atan2",
    "arctan2",
    "fmod",
    "xlogy",
    "logit",
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
    "roll",
    "nan_to_num",
    "nan_to_num_",
    "exp2",
    "exp2_",
    "fmin",
    "fmax",
    "copysign",
    "hypot",
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
            // `torch.f(input, other)` numbers its arguments from the input: one more than
            // the method `input.f(other)` does
            tensor_method(interp, &t, &first, &self.name, args).map_err(|mut e| {
                if e.kind == "TypeError" {
                    for n in (1..9).rev() {
                        let (a, b) = (format!("(position {n})"), format!("(position {})", n + 1));
                        if e.message.contains(&a) {
                            e.message = e.message.replacen(&a, &b, 1);
                            break;
                        }
                    }
                }
                e
            })
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(crate) fn t_tensor(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?;
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    args.no_kwargs("tensor")?;
    let Some(data) = args.positional.first() else {
        return Err(PyErr::type_error(
            "tensor() missing 1 required positional arguments: \"data\"",
        ));
    };
    if tensor_of(data).is_some() {
        interp.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor).");
    }
    let nested = value_to_nested(interp, data, 0)?;
    let t = Tensor::from_nested(&nested, dtype).py()?;
    finish_creation(interp, t, rg)
}

/// The arguments every creator taking a size shares (`torch.ones(2, 3, dtype=..,
/// requires_grad=..)` or `size=(2, 3)`): dtype (default float32), requires_grad, and the shape,
/// already checked against the memory budget.
fn sized_creation_args(
    interp: &mut Interp,
    args: &mut Args,
    fname: &str,
) -> PyResult<(DType, bool, Vec<usize>)> {
    let dtype = dtype_kw(args)?.unwrap_or(DType::Float32);
    let rg = requires_grad_kw(interp, args)?;
    ignore_device_kws(args);
    let size_kw = args.take_kw("size");
    args.no_kwargs(fname)?;
    let positional = match size_kw {
        Some(s) => vec![s],
        None => args.positional.clone(),
    };
    let shape = usize_shape(&shape_args(interp, &positional, fname)?)?;
    check_alloc_shape(interp, &shape)?;
    Ok((dtype, rg, shape))
}

pub(crate) fn creation(
    interp: &mut Interp,
    mut args: Args,
    fname: &str,
    value: f64,
) -> PyResult<Value> {
    let (dtype, rg, shape) = sized_creation_args(interp, &mut args, fname)?;
    let t = Tensor::full(&shape, value, dtype).py()?;
    finish_creation(interp, t, rg)
}

pub(crate) fn t_ones(interp: &mut Interp, args: Args) -> PyResult<Value> {
    creation(interp, args, "ones", 1.0)
}

pub(crate) fn t_zeros(interp: &mut Interp, args: Args) -> PyResult<Value> {
    creation(interp, args, "zeros", 0.0)
}

pub(crate) fn t_full(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
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

pub(crate) fn like(
    interp: &mut Interp,
    mut args: Args,
    fname: &str,
    value: Option<f64>,
) -> PyResult<Value> {
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

pub(crate) fn t_ones_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "ones_like", Some(1.0))
}

pub(crate) fn t_zeros_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "zeros_like", Some(0.0))
}

pub(crate) fn t_full_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    like(interp, args, "full_like", None)
}

pub(crate) fn random(
    interp: &mut Interp,
    mut args: Args,
    fname: &str,
    normal: bool,
) -> PyResult<Value> {
    let g = super::rng::take_generator(&mut args)?;
    let (dtype, rg, shape) = sized_creation_args(interp, &mut args, fname)?;
    let t = super::rng::with_generator(g.as_ref(), || {
        if normal {
            Tensor::randn(&shape, dtype)
        } else {
            Tensor::rand(&shape, dtype)
        }
    })
    .py()?;
    finish_creation(interp, t, rg)
}

pub(crate) fn t_rand(interp: &mut Interp, args: Args) -> PyResult<Value> {
    random(interp, args, "rand", false)
}

pub(crate) fn t_randn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    random(interp, args, "randn", true)
}

pub(crate) fn t_rand_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "rand_like",
        "input",
        1,
    )?;
    let _ = interp;
    Ok(wrap(t.rand_like().py()?))
}

pub(crate) fn t_randn_like(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "randn_like",
        "input",
        1,
    )?;
    let _ = interp;
    Ok(wrap(t.randn_like().py()?))
}

pub(crate) fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(PyErr::type_error(format!(
            "{what} must be int, not {}",
            v.type_name()
        ))),
    }
}

pub(crate) fn t_randint(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Int64);
    ignore_device_kws(&mut args);
    let g = super::rng::take_generator(&mut args)?;
    let mut p = args.positional.clone();
    for kw in ["low", "high", "size"] {
        if let Some(v) = args.take_kw(kw) {
            p.push(v);
        }
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
    let t = super::rng::with_generator(g.as_ref(), || Tensor::randint(low, high, &shape, dtype));
    Ok(wrap(t.py()?))
}

pub(crate) fn t_arange(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
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

pub(crate) fn t_linspace(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
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

pub(crate) fn t_eye(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
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

pub(crate) fn t_manual_seed(_: &mut Interp, args: Args) -> PyResult<Value> {
    let s = int_arg(args.positional.first().unwrap_or(&Value::Int(0)), "seed")?;
    autograd::manual_seed(s as u64);
    Ok(Value::None)
}

pub(crate) fn tensor_list(interp: &mut Interp, v: &Value, _fname: &str) -> PyResult<Vec<Tensor>> {
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

pub(crate) fn t_cat(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let seq = args.arg(0, "tensors").unwrap_or(Value::None);
    let dim = match args.arg(1, "dim") {
        Some(v) => dim_arg(&v)?,
        None => 0,
    };
    let ts = tensor_list(interp, &seq, "cat")?;
    Ok(wrap(Tensor::cat(&ts, dim).py()?))
}

pub(crate) fn t_stack(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let seq = args.arg(0, "tensors").unwrap_or(Value::None);
    let dim = match args.arg(1, "dim") {
        Some(v) => dim_arg(&v)?,
        None => 0,
    };
    let ts = tensor_list(interp, &seq, "stack")?;
    Ok(wrap(Tensor::stack(&ts, dim).py()?))
}

/// `torch.hstack(tensors)` / `torch.vstack(tensors)`: `cat` after PyTorch's `atleast_1d` /
/// `atleast_2d`.
fn hvstack(interp: &mut Interp, mut args: Args, fname: &str) -> PyResult<Value> {
    let seq = args.arg(0, "tensors").unwrap_or(Value::None);
    let ts = tensor_list(interp, &seq, fname)?;
    let vertical = fname == "vstack";
    let ts = ts
        .iter()
        .map(|t| match t.dim() {
            0 if vertical => t.reshape(&[1, 1]),
            0 => t.reshape(&[1]),
            1 if vertical => t.unsqueeze(0),
            _ => Ok(t.clone()),
        })
        .collect::<autograd::Result<Vec<_>>>()
        .py()?;
    let dim = if !vertical && ts.first().is_some_and(|t| t.dim() > 1) {
        1
    } else {
        0
    };
    Ok(wrap(Tensor::cat(&ts, dim).py()?))
}

pub(crate) fn t_hstack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    hvstack(interp, args, "hstack")
}

pub(crate) fn t_vstack(interp: &mut Interp, args: Args) -> PyResult<Value> {
    hvstack(interp, args, "vstack")
}

/// `torch.normal(mean, std, size)` with numbers (tensor means/stds are not supported here).
pub(crate) fn t_normal(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Float32);
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let g = super::rng::take_generator(&mut args)?;
    let mean = args.arg(0, "mean").unwrap_or(Value::Float(0.0));
    let std = args.arg(1, "std").unwrap_or(Value::Float(1.0));
    if tensor_of(&mean).is_some() || tensor_of(&std).is_some() {
        return Err(PyErr::not_implemented(
            "torch.normal with tensor mean or std is not supported here; use torch.randn(...) * std + mean",
        ));
    }
    let size = args
        .arg(2, "size")
        .ok_or_else(|| PyErr::type_error("normal() missing required argument 'size'"))?;
    let shape = usize_shape(&shape_args(interp, &[size], "normal")?)?;
    check_alloc_shape(interp, &shape)?;
    let (mean, std) = (f64_arg(&mean, "mean")?, f64_arg(&std, "std")?);
    let t =
        super::rng::with_generator(g.as_ref(), || Tensor::normal(mean, std, &shape, dtype)).py()?;
    finish_creation(interp, t, rg)
}

/// `torch.randperm(n)`.
pub(crate) fn t_randperm(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let dtype = dtype_kw(&mut args)?.unwrap_or(DType::Int64);
    let rg = requires_grad_kw(interp, &mut args)?;
    ignore_device_kws(&mut args);
    let g = super::rng::take_generator(&mut args)?;
    let n = int_arg(&args.arg(0, "n").unwrap_or(Value::None), "n")?;
    if n < 0 {
        return Err(PyErr::runtime_error(format!(
            "n must be non-negative, got{n}"
        )));
    }
    check_alloc_shape(interp, &[n as usize])?;
    let t = super::rng::with_generator(g.as_ref(), || Tensor::randperm(n as usize, dtype)).py()?;
    finish_creation(interp, t, rg)
}

/// A `where` operand: a tensor, or a Python number wrapped so that it promotes weakly
/// (`torch.where(c, 1, -1)` is int64, `torch.where(c, int_tensor, 0.5)` float32).
pub(crate) fn where_operand(v: &Value) -> PyResult<Tensor> {
    if let Some(t) = tensor_of(v) {
        return Ok(t);
    }
    match scalar_of(v) {
        Some(s) => Ok(Tensor::wrapped(s)),
        None => Err(PyErr::type_error(format!(
            "where(): argument 'other' must be Tensor, not {}",
            v.type_name()
        ))),
    }
}

/// `torch.where(condition, input, other)`, or `torch.where(condition)`: the indices of the
/// non-zero elements, one tensor per dimension.
pub(crate) fn t_where(_: &mut Interp, args: Args) -> PyResult<Value> {
    if args.positional.len() == 1 && args.kwargs.is_empty() {
        let cond = tensor_arg(&args.positional[0], "where", "condition", 1)?;
        let parts = cond.nonzero().py()?.unbind(1).py()?;
        return Ok(Value::tuple(parts.into_iter().map(wrap).collect()));
    }
    args.count("where", 3, 3)?;
    let cond = tensor_arg(&args.positional[0], "where", "condition", 1)?;
    let a = where_operand(&args.positional[1])?;
    let b = where_operand(&args.positional[2])?;
    Ok(wrap(Tensor::where_(&cond, &a, &b).py()?))
}

/// `torch.device('cpu')`; CUDA devices can be named but not used (no CUDA here).
pub(crate) fn t_device(_: &mut Interp, args: Args) -> PyResult<Value> {
    let spec = args
        .positional
        .first()
        .cloned()
        .unwrap_or(Value::str("cpu"));
    match spec.as_str() {
        Some("cpu") => Ok(Value::Native(Rc::new(Device))),
        Some(s) if s.starts_with("cuda") => Ok(Value::Native(Rc::new(CudaDevice(s.to_string())))),
        Some(s) => Err(PyErr::runtime_error(format!(
            "Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: {s}"
        ))),
        None => Err(PyErr::type_error("device() received an invalid combination of arguments")),
    }
}

/// A CUDA device object: printable, but tensors cannot move there.
pub struct CudaDevice(String);

impl NativeObject for CudaDevice {
    fn type_name(&self) -> String {
        "device".into()
    }
    fn repr(&self, _: &mut Interp) -> PyResult<String> {
        let (t, i) = match self.0.split_once(':') {
            Some((t, i)) => (t, format!(", index={i}")),
            None => (self.0.as_str(), String::new()),
        };
        Ok(format!("device(type='{t}'{i})"))
    }
    fn str(&self, _: &mut Interp) -> PyResult<String> {
        Ok(self.0.clone())
    }
    fn id(&self) -> usize {
        self as *const CudaDevice as usize
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub(crate) fn t_no_grad(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(grad_mode("no_grad", false, None))
}

/// `torch.inference_mode(mode=True)`: here a `no_grad` (inference tensors' own rules are
/// not modelled).
pub(crate) fn t_inference_mode(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mode = args.arg(0, "mode").unwrap_or(Value::Bool(true));
    let on = interp.truthy(&mode)?;
    Ok(grad_mode("inference_mode", !on, None))
}

pub(crate) fn t_enable_grad(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(grad_mode("enable_grad", true, None))
}

pub(crate) fn t_set_grad_enabled(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mode = args.arg(0, "mode").unwrap_or(Value::Bool(true));
    let flag = interp.truthy(&mode)?;
    let prev = autograd::is_grad_enabled();
    autograd::set_grad_enabled(flag);
    Ok(grad_mode("set_grad_enabled", flag, Some(prev)))
}

pub(crate) fn t_is_grad_enabled(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Bool(autograd::is_grad_enabled()))
}

pub(crate) fn t_is_tensor(_: &mut Interp, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        args.positional
            .first()
            .is_some_and(|v| tensor_of(v).is_some()),
    ))
}

pub(crate) fn t_numel(_: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "numel",
        "input",
        1,
    )?;
    Ok(Value::Int(t.numel() as i64))
}

pub(crate) fn t_is_floating_point(_: &mut Interp, args: Args) -> PyResult<Value> {
    let t = tensor_arg(
        args.positional.first().unwrap_or(&Value::None),
        "is_floating_point",
        "input",
        1,
    )?;
    Ok(Value::Bool(t.dtype().is_floating_point()))
}

pub(crate) fn t_set_printoptions(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
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

pub(crate) fn t_size(interp: &mut Interp, args: Args) -> PyResult<Value> {
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
        // A dotted type name (`torch.return_types.max`) is the qualified name; `__name__` is
        // its last part, as for CPython's types.
        let n = obj.type_name();
        (n.rsplit('.').next().unwrap_or(&n).to_string(), n)
    };
    Some(native_class(&name, &qual))
}

/// Initialises the native part of an instance whose class derives from a native class
/// and defines no `__init__` of its own.
pub(crate) fn init_native_base(
    interp: &mut Interp,
    base: &Value,
    instance: &Value,
    args: Args,
) -> PyResult<()> {
    if let Value::Type(BuiltinType::Dict) = base {
        let init = crate::objects::native_dict_method(instance, "__init__");
        let init = init.ok_or_else(|| PyErr::type_error("not a dict"))?;
        interp.call(&init, args)?;
        return Ok(());
    }
    Err(PyErr::type_error(format!(
        "cannot subclass '{}'",
        base.type_name()
    )))
}

/// A method of a native base class looked up through `super()` (e.g. `super().__init__`).
pub(crate) fn native_base_method(
    _interp: &mut Interp,
    base: &Value,
    this: &Value,
    name: &str,
) -> PyResult<Option<Value>> {
    if let Value::Type(BuiltinType::Dict) = base {
        return Ok(crate::objects::native_dict_method(this, name));
    }
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
