//! Builtin functions, types, exception classes and modules.
//!
//! - `python`: builtin functions (`print`, `len`, ...) and type constructors.
//! - `methods`: methods of str/list/dict/set/tuple/int/float.
//! - `strings`: string methods and `%`-formatting.
//! - `math`: the `math` module.
//! - `torch` / `tensor`: the seam where the PyTorch surface is bound to `autograd`.
//! - `collections.py`, `functools.py`, `itertools.py`, `copy.py`, `operator.py`: standard modules
//!   written in Python (`python_module`); `dict` subclasses (`OrderedDict` ...) hold a dict in
//!   `Instance::native`, instances of `tuple` subclasses (namedtuples) are tuples that know their
//!   class (`TupleObj::class`).

pub mod backward;
pub mod functional;
pub mod math;
pub mod methods;
pub mod python;
pub mod random;
pub mod rng;
pub mod strings;
pub mod sys;
pub mod tensor;
pub mod tensor_methods;
pub mod torch;
pub mod types;

use crate::error::PyResult;
use crate::eval::Interp;
use crate::fxhash::HashMap;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

/// The builtin exception hierarchy (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("TypeError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("AttributeError", "Exception"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("AssertionError", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("MemoryError", "Exception"),
    ("OSError", "Exception"),
    ("TimeoutError", "OSError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
];

pub(crate) fn new_exc_class(name: &str, base: Option<Rc<Class>>) -> Rc<Class> {
    let mut parents = Vec::new();
    if let Some(b) = &base {
        parents.push(b.clone());
        parents.extend(b.mro.iter().cloned());
    }
    let bases = base.map(|b| vec![Value::Class(b)]).unwrap_or_default();
    Rc::new(Class {
        name: Rc::from(name),
        bases,
        mro: parents,
        dict: RefCell::new(HashMap::default()),
        is_exception: true,
        builtin: true,
        native_base: None,
    })
}

/// Builds a class object (user-defined) from its bases and namespace.
pub(crate) fn new_class(
    interp: &mut Interp,
    name: Rc<str>,
    bases: Vec<Value>,
    dict: HashMap<Rc<str>, Value>,
) -> PyResult<Rc<Class>> {
    let mut parents: Vec<Rc<Class>> = Vec::new();
    let mut native_base = None;
    let mut is_exception = false;
    for b in &bases {
        match b {
            Value::Class(c) => {
                is_exception |= c.is_exception;
                if native_base.is_none() {
                    native_base = find_native_base(c);
                }
                for k in std::iter::once(c).chain(c.mro.iter()) {
                    if let Some(pos) = parents.iter().position(|p| Rc::ptr_eq(p, k)) {
                        parents.remove(pos);
                    }
                    parents.push(k.clone());
                }
            }
            Value::Type(BuiltinType::Object) => {}
            // A dict subclass: its instances hold a dict (`Instance::native`).
            // A tuple subclass: its instances are tuples that know their class.
            Value::Type(BuiltinType::Dict | BuiltinType::Tuple) => {
                native_base.get_or_insert_with(|| b.clone());
            }
            Value::Native(n) if n.as_type_name().is_some() => native_base = Some(b.clone()),
            Value::Type(t) => {
                return Err(crate::error::PyErr::not_implemented(format!(
                    "subclassing '{}' is not supported by this interpreter",
                    t.name()
                )))
            }
            other => {
                return Err(crate::error::PyErr::type_error(format!(
                    "bases must be types, not {}",
                    other.type_name()
                )))
            }
        }
    }
    let _ = interp;
    Ok(Rc::new(Class {
        name,
        bases,
        mro: parents,
        dict: RefCell::new(dict),
        is_exception,
        builtin: false,
        native_base,
    }))
}

/// The native base class (e.g. `nn.Module`) of a class, if any.
pub(crate) fn find_native_base(c: &Rc<Class>) -> Option<Value> {
    std::iter::once(c)
        .chain(c.mro.iter())
        .find_map(|k| k.native_base.clone())
}

pub(crate) fn new_exc_instance(class: Rc<Class>, args: Vec<Value>) -> Value {
    let mut d = DictData::default();
    d.insert(
        HashKey::Str(Rc::from("args")),
        Value::str("args"),
        Value::tuple(args),
    );
    Value::Instance(Rc::new(Instance {
        class,
        dict: RefCell::new(d),
        native: RefCell::new(None),
        id: std::cell::Cell::new(0),
    }))
}

/// The `args` of an exception instance.
pub(crate) fn exc_args(v: &Value) -> Vec<Value> {
    if let Value::Instance(i) = v {
        if let Some(Value::Tuple(t)) = i.dict.borrow().get(&HashKey::Str(Rc::from("args"))) {
            return t.items.clone();
        }
    }
    Vec::new()
}

/// `BaseException.__init__(self, *args)`: stores `args`.
fn exc_init(_: &mut Interp, args: crate::eval::Args) -> PyResult<Value> {
    let mut p = args.positional;
    if p.is_empty() {
        return Ok(Value::None);
    }
    let this = p.remove(0);
    if let Value::Instance(i) = &this {
        i.dict.borrow_mut().insert(
            HashKey::Str(Rc::from("args")),
            Value::str("args"),
            Value::tuple(p),
        );
    }
    Ok(Value::None)
}

/// `object.__new__` (also `tuple.__new__`, and a class's `__new__` when none of its own):
/// `__new__(cls, *args)` makes an instance of `cls` without calling `__init__`; for a
/// `tuple` subclass, holding the items of the iterable argument.
pub(crate) fn object_new_fn() -> Value {
    builtin_fn("__new__", |interp, args| {
        let mut p = args.positional.into_iter();
        match p.next() {
            Some(Value::Class(c)) if !c.is_exception => match find_native_base(&c) {
                Some(Value::Type(BuiltinType::Tuple)) => {
                    let items = match p.next() {
                        Some(it) => interp.collect(&it)?,
                        None => Vec::new(),
                    };
                    Ok(Value::tuple_of(c, items))
                }
                Some(Value::Native(_)) => Err(crate::error::PyErr::type_error(format!(
                    "object.__new__({}) is not safe, use its own constructor",
                    c.name
                ))),
                nb => {
                    let native = matches!(nb, Some(Value::Type(BuiltinType::Dict))).then(|| {
                        Value::Dict(Rc::new(DictObj {
                            data: RefCell::new(DictData::default()),
                        }))
                    });
                    Ok(Value::Instance(Rc::new(Instance {
                        class: c,
                        dict: RefCell::new(DictData::default()),
                        native: RefCell::new(native),
                        id: std::cell::Cell::new(0),
                    })))
                }
            },
            Some(Value::Class(c)) => Ok(new_exc_instance(c, p.collect())),
            Some(t @ Value::Type(_)) => interp.call(&t, crate::eval::Args::positional(p.collect())),
            Some(other) => Err(crate::error::PyErr::type_error(format!(
                "object.__new__(X): X is not a type object ({})",
                other.type_name()
            ))),
            None => Err(crate::error::PyErr::type_error(
                "object.__new__(): not enough arguments",
            )),
        }
    })
}

pub(crate) fn builtin_fn(name: &'static str, func: BuiltinImpl) -> Value {
    Value::Builtin(Rc::new(BuiltinFn {
        name,
        func,
        this: None,
        owner: None,
    }))
}

/// Installs builtins and exception classes into a fresh interpreter.
pub(crate) fn install(interp: &mut Interp) {
    for (name, base) in EXCEPTIONS {
        let base = if base.is_empty() {
            None
        } else {
            interp.exc_classes.get(*base).cloned()
        };
        let c = new_exc_class(name, base);
        if *name == "BaseException" {
            c.dict
                .borrow_mut()
                .insert(Rc::from("__init__"), builtin_fn("__init__", exc_init));
        }
        interp.exc_classes.insert(name.to_string(), c.clone());
        interp.builtins.insert(Rc::from(*name), Value::Class(c));
    }
    python::install(interp);
}

/// Loads a builtin module by dotted name; `Ok(None)` if there is no such module.
pub(crate) fn load_module(interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    match name {
        "math" => Ok(Some(math::module())),
        "random" => Ok(Some(random::module())),
        "sys" => Ok(Some(sys::module(interp))),
        "typing" => Ok(Some(typing_module())),
        "collections" => python_module(interp, 0, "collections", COLLECTIONS).map(Some),
        "functools" => python_module(interp, 1, "functools", FUNCTOOLS).map(Some),
        "itertools" => python_module(interp, 2, "itertools", ITERTOOLS).map(Some),
        "copy" => python_module(interp, 4, "copy", COPY).map(Some),
        "operator" => python_module(interp, 5, "operator", OPERATOR).map(Some),
        "torch.utils" | "torch.utils.data" => torch_data(interp, name),
        // torch.einsum's implementation, which the prelude's `einsum` imports on its first call
        "torch._einsum" => python_module(interp, 6, "torch._einsum", EINSUM).map(Some),
        _ if name == "torch" || name.starts_with("torch.") => torch::load(interp, name),
        _ => Ok(None),
    }
}

const COLLECTIONS: &str = include_str!("collections.py");
const FUNCTOOLS: &str = include_str!("functools.py");
const ITERTOOLS: &str = include_str!("itertools.py");
const COPY: &str = include_str!("copy.py");
const OPERATOR: &str = include_str!("operator.py");
const DATA: &str = include_str!("data.py");
const EINSUM: &str = include_str!("einsum.py");

/// `torch.utils.data` (Python, `data.py`), also reached as `torch.utils` after `import torch`.
fn torch_data(interp: &mut Interp, name: &str) -> PyResult<Option<Value>> {
    if !interp.modules.contains_key("torch.utils.data") {
        let torch = torch::load(interp, "torch")?.unwrap_or(Value::None);
        let data = python_module(interp, 3, "torch.utils.data", DATA)?;
        let utils = module("torch.utils", vec![("data", data.clone())]);
        torch::set(&torch, "utils", utils.clone());
        interp.modules.insert("torch.utils".into(), utils);
        interp.modules.insert("torch.utils.data".into(), data);
    }
    Ok(interp.modules.get(name).cloned())
}

thread_local! {
    /// The standard modules written in Python, each parsed once per thread on first import
    /// (indexed as in `load_module`): the AST holds no per-session state.
    static PY_MODULE_DEFS: RefCell<[Option<Rc<crate::ast::FunctionDef>>; 7]> =
        const { RefCell::new([None, None, None, None, None, None, None]) };
}

/// A standard module written in Python: `src` defines one builder function returning the
/// module's names (a dict), like the torch prelude. Its code is library code (left out of
/// tracebacks), its classes say which module they belong to (`__module__`).
fn python_module(
    interp: &mut Interp,
    slot: usize,
    name: &str,
    src: &'static str,
) -> PyResult<Value> {
    let cached = PY_MODULE_DEFS.with(|c| c.borrow()[slot].clone());
    let def = match cached {
        Some(def) => def,
        None => {
            let parsed = crate::parser::parse_module(src).map_err(|e| {
                crate::error::PyErr::runtime_error(format!("{name}: {}", e.last_line()))
            })?;
            let Some(crate::ast::StmtKind::FunctionDef(def)) = parsed.body.first().map(|s| &s.kind)
            else {
                return Err(crate::error::PyErr::runtime_error(format!(
                    "{name}: no builder"
                )));
            };
            PY_MODULE_DEFS.with(|c| c.borrow_mut()[slot] = Some(def.clone()));
            def.clone()
        }
    };
    let was_hidden = std::mem::replace(&mut interp.hidden_defs, true);
    let r = interp
        .make_function_at_module(&def)
        .and_then(|f| interp.call(&f, crate::eval::Args::default()));
    interp.hidden_defs = was_hidden;
    let names = r?;
    let m = module(name, Vec::new());
    if let (Value::Dict(d), Value::Module(md)) = (&names, &m) {
        for (k, v) in d.data.borrow().entries.iter() {
            if let Value::Str(k) = k {
                md.attrs.borrow_mut().insert(k.clone(), v.clone());
            }
        }
    }
    Ok(m)
}

/// `typing`, enough for annotated code to run: annotations are not evaluated, and an alias
/// such as `Vector = List[float]` subscripts a type, which gives the type back. The generic
/// names stand for their builtin types; the others for `object`.
fn typing_module() -> Value {
    use BuiltinType as T;
    let names = [
        ("List", T::List),
        ("Dict", T::Dict),
        ("Tuple", T::Tuple),
        ("Set", T::Set),
        ("Any", T::Object),
        ("Optional", T::Object),
        ("Union", T::Object),
        ("Callable", T::Object),
        ("Iterable", T::Object),
        ("Iterator", T::Object),
        ("Sequence", T::Object),
        ("Mapping", T::Object),
        ("Generator", T::Object),
        ("Type", T::Object),
    ];
    module(
        "typing",
        names.iter().map(|(n, t)| (*n, Value::Type(*t))).collect(),
    )
}

pub(crate) fn module(name: &str, attrs: Vec<(&str, Value)>) -> Value {
    let mut m = HashMap::default();
    for (k, v) in attrs {
        m.insert(Rc::from(k), v);
    }
    Value::Module(Rc::new(Module {
        name: Rc::from(name),
        attrs: RefCell::new(m),
    }))
}
