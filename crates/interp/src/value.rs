//! Python values and the object structs behind them.

use crate::ast::FunctionDef;
use crate::error::{PyErr, PyResult};
use crate::fxhash::HashMap;
use num_bigint::BigInt;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

/// A Python value. Cloning is cheap (reference counts).
#[derive(Clone)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<str>),
    List(Rc<ListObj>),
    Tuple(Rc<TupleObj>),
    Dict(Rc<DictObj>),
    Set(Rc<SetObj>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Function(Rc<Function>),
    Builtin(Rc<BuiltinFn>),
    BoundMethod(Rc<BoundMethod>),
    /// A builtin type such as `int` or `list` (callable, usable in `isinstance`).
    Type(BuiltinType),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Iterator(Rc<RefCell<crate::iter::IterState>>),
    Super(Rc<(Rc<Class>, Value)>),
    Property(Rc<Value>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    /// Objects implemented in Rust outside the core language (torch tensors, nodes,
    /// modules, optimizers, context managers...). See [`NativeObject`].
    Native(Rc<dyn NativeObject>),
}

/// Builtin types that can be named in Python code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuiltinType {
    Object,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Type,
    Module,
    Iterator,
    Super,
    Property,
    StaticMethod,
    ClassMethod,
    Ellipsis,
    NotImplementedType,
}

impl BuiltinType {
    pub fn name(self) -> &'static str {
        match self {
            BuiltinType::Object => "object",
            BuiltinType::NoneType => "NoneType",
            BuiltinType::Bool => "bool",
            BuiltinType::Int => "int",
            BuiltinType::Float => "float",
            BuiltinType::Str => "str",
            BuiltinType::List => "list",
            BuiltinType::Tuple => "tuple",
            BuiltinType::Dict => "dict",
            BuiltinType::Set => "set",
            BuiltinType::Range => "range",
            BuiltinType::Slice => "slice",
            BuiltinType::Function => "function",
            BuiltinType::BuiltinFunction => "builtin_function_or_method",
            BuiltinType::Method => "method",
            BuiltinType::Type => "type",
            BuiltinType::Module => "module",
            BuiltinType::Iterator => "iterator",
            BuiltinType::Super => "super",
            BuiltinType::Property => "property",
            BuiltinType::StaticMethod => "staticmethod",
            BuiltinType::ClassMethod => "classmethod",
            BuiltinType::Ellipsis => "ellipsis",
            BuiltinType::NotImplementedType => "NotImplementedType",
        }
    }
}

/// Hook for objects implemented in Rust (the torch bindings live behind this trait).
///
/// Every method has a default so that small objects implement only what they need.
/// `interp` is passed so natives can call back into Python (e.g. `nn.Module.__call__`).
#[allow(clippy::len_without_is_empty)]
pub trait NativeObject {
    /// The Python type name (`type(x).__name__`), e.g. `"Tensor"`.
    fn type_name(&self) -> String;
    /// `repr(x)`.
    fn repr(&self, interp: &mut crate::eval::Interp) -> PyResult<String> {
        let _ = interp;
        Ok(format!("<{} object at {:#x}>", self.type_name(), self.id()))
    }
    /// `str(x)`; defaults to `repr`.
    fn str(&self, interp: &mut crate::eval::Interp) -> PyResult<String> {
        self.repr(interp)
    }
    /// A stable identity used for `id()`, `is` and addresses.
    fn id(&self) -> usize;
    /// `self is other` (several wrappers may stand for one object, e.g. a tensor).
    fn same_as(&self, other: &Value) -> bool {
        matches!(other, Value::Native(_)) && other.id() == self.id()
    }
    /// Attribute lookup; `Ok(None)` means "no such attribute" (AttributeError follows).
    fn get_attr(
        &self,
        this: &Value,
        name: &str,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<Option<Value>> {
        let _ = (this, name, interp);
        Ok(None)
    }
    /// Attribute assignment; `Ok(false)` means unsupported (AttributeError follows).
    fn set_attr(
        &self,
        name: &str,
        value: Value,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<bool> {
        let _ = (name, value, interp);
        Ok(false)
    }
    /// Calling the object; `None` means "not callable".
    fn call(
        &self,
        this: &Value,
        args: crate::eval::Args,
        interp: &mut crate::eval::Interp,
    ) -> Option<PyResult<Value>> {
        let _ = (this, args, interp);
        None
    }
    /// Binary operator; `reflected` is true when `self` is the right operand.
    /// `Ok(None)` means NotImplemented.
    fn binary_op(
        &self,
        op: crate::ast::BinOp,
        other: &Value,
        reflected: bool,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<Option<Value>> {
        let _ = (op, other, reflected, interp);
        Ok(None)
    }
    /// In-place binary operator (`+=` ...); `Ok(None)` falls back to `binary_op`.
    fn inplace_op(
        &self,
        op: crate::ast::BinOp,
        other: &Value,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<Option<Value>> {
        let _ = (op, other, interp);
        Ok(None)
    }
    /// Unary `-`, `+`, `~`; `Ok(None)` means unsupported.
    fn unary_op(
        &self,
        op: crate::ast::UnaryOp,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<Option<Value>> {
        let _ = (op, interp);
        Ok(None)
    }
    /// Rich comparison; `Ok(None)` means NotImplemented.
    fn compare(
        &self,
        op: crate::ast::CmpOp,
        other: &Value,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<Option<Value>> {
        let _ = (op, other, interp);
        Ok(None)
    }
    /// `x[key]`; `Ok(None)` means not subscriptable.
    fn get_item(&self, key: &Value, interp: &mut crate::eval::Interp) -> PyResult<Option<Value>> {
        let _ = (key, interp);
        Ok(None)
    }
    /// `x[key] = value`; `Ok(false)` means unsupported.
    fn set_item(
        &self,
        key: &Value,
        value: Value,
        interp: &mut crate::eval::Interp,
    ) -> PyResult<bool> {
        let _ = (key, value, interp);
        Ok(false)
    }
    /// `len(x)`.
    fn len(&self) -> Option<usize> {
        None
    }
    /// Iteration: the items, or `None` when not iterable.
    fn iter_items(&self, interp: &mut crate::eval::Interp) -> PyResult<Option<Vec<Value>>> {
        let _ = interp;
        Ok(None)
    }
    /// Truth value (`bool(x)`); `None` means "always true".
    fn truthy(&self, interp: &mut crate::eval::Interp) -> PyResult<Option<bool>> {
        let _ = interp;
        Ok(None)
    }
    /// `float(x)` / `int(x)` / `format(x, spec)` support: a scalar, if the object is one.
    fn to_scalar(&self, interp: &mut crate::eval::Interp) -> PyResult<Option<f64>> {
        let _ = interp;
        Ok(None)
    }
    /// What `format(x, spec)` formats in place of the object, if anything. A 0-d tensor
    /// formats as its `item()` (`Tensor.__format__`), so `f"{loss}"` prints a plain number.
    fn format_as(&self) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `with x:` entry; `None` means "not a context manager".
    fn enter(&self, this: &Value, interp: &mut crate::eval::Interp) -> Option<PyResult<Value>> {
        let _ = (this, interp);
        None
    }
    /// `with x:` exit (always called, also on error).
    fn exit(&self, interp: &mut crate::eval::Interp) -> PyResult<()> {
        let _ = interp;
        Ok(())
    }
    /// `isinstance(x, T)` where `T` is a native type object: its type name.
    fn is_instance_of(&self, type_name: &str) -> bool {
        self.type_name() == type_name
    }
    /// Native class objects: the name they present as a base class or type.
    fn as_type_name(&self) -> Option<String> {
        None
    }
    fn as_any(&self) -> &dyn Any;
}

pub struct ListObj {
    pub items: RefCell<Vec<Value>>,
}

impl ListObj {
    pub fn new(items: Vec<Value>) -> Rc<ListObj> {
        Rc::new(ListObj {
            items: RefCell::new(items),
        })
    }
}

pub struct TupleObj {
    pub items: Vec<Value>,
    /// A `tuple` subclass (a namedtuple, `torch.return_types.max`): the instance's class.
    /// Everything a tuple does works on it unchanged; attributes and `repr` look in the class.
    pub class: Option<Rc<Class>>,
}

/// Hashable key for dicts and sets. Numbers that compare equal hash equal.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum HashKey {
    None,
    Int(i64),
    BigInt(BigInt),
    /// Float bits, for non-integral floats.
    Float(u64),
    Str(Rc<str>),
    Tuple(Vec<HashKey>),
    /// Identity of an object.
    Id(usize),
    /// An instance whose class defines `__hash__`: its hash and the number of the class of
    /// equal (`__eq__`) objects it belongs to (`Interp::hash_key`).
    User(i64, usize),
}

/// An insertion-ordered dictionary.
#[derive(Default)]
pub struct DictData {
    pub entries: Vec<(Value, Value)>,
    pub index: HashMap<HashKey, usize>,
}

impl DictData {
    pub fn get(&self, k: &HashKey) -> Option<&Value> {
        self.index.get(k).map(|&i| &self.entries[i].1)
    }

    pub fn insert(&mut self, hk: HashKey, key: Value, value: Value) {
        match self.index.get(&hk) {
            Some(&i) => self.entries[i].1 = value,
            None => {
                self.index.insert(hk, self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    pub fn remove(&mut self, hk: &HashKey) -> Option<(Value, Value)> {
        let i = self.index.remove(hk)?;
        let kv = self.entries.remove(i);
        for v in self.index.values_mut() {
            if *v > i {
                *v -= 1;
            }
        }
        Some(kv)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries with their keys' hash keys, in order (copying a dict calls no `__hash__`).
    pub fn keyed_entries(&self) -> Vec<(HashKey, Value, Value)> {
        let mut keys: Vec<Option<&HashKey>> = vec![None; self.entries.len()];
        for (k, &i) in &self.index {
            if let Some(slot) = keys.get_mut(i) {
                *slot = Some(k);
            }
        }
        keys.into_iter()
            .zip(&self.entries)
            .filter_map(|(k, (key, v))| Some((k?.clone(), key.clone(), v.clone())))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

pub struct DictObj {
    pub data: RefCell<DictData>,
}

pub struct SetObj {
    pub data: RefCell<DictData>,
}

impl SetObj {
    /// Elements in CPython's iteration order. For sets of ints this replays CPython's
    /// open-addressing table (`setobject.c`: linear probes, perturbation, resizing);
    /// other sets keep insertion order (string hashes are randomised in CPython anyway).
    pub fn ordered(&self) -> Vec<Value> {
        let data = self.data.borrow();
        let keys: Vec<Value> = data.entries.iter().map(|(k, _)| k.clone()).collect();
        let mut hashes = Vec::with_capacity(keys.len());
        let mut user = None;
        for k in &keys {
            match k {
                Value::Int(i) => hashes.push(if *i == -1 { -2i64 } else { *i } as u64),
                Value::Bool(b) => hashes.push(*b as u64),
                // instances hashed by their own `__hash__`: its value is known
                Value::Instance(_) => {
                    let keyed = user.get_or_insert_with(|| data.keyed_entries());
                    match keyed.get(hashes.len()) {
                        Some((HashKey::User(h, _), _, _)) => hashes.push(*h as u64),
                        _ => return keys,
                    }
                }
                _ => return keys,
            }
        }
        cpython_set_order(&hashes)
            .into_iter()
            .map(|i| keys[i].clone())
            .collect()
    }
}

/// Replays CPython's set insertion; returns indices (into `hashes`) in table order.
fn cpython_set_order(hashes: &[u64]) -> Vec<usize> {
    fn insert(table: &mut [Option<usize>], hashes: &[u64], idx: usize) {
        let mask = table.len() as u64 - 1;
        let hash = hashes[idx];
        let mut i = hash & mask;
        let mut perturb = hash;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            for j in 0..=probes {
                let slot = (i + j) as usize;
                if table[slot].is_none() {
                    table[slot] = Some(idx);
                    return;
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut used = 0usize;
    for idx in 0..hashes.len() {
        insert(&mut table, hashes, idx);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut newsize = 8;
            while newsize <= minused {
                newsize <<= 1;
            }
            let old: Vec<usize> = table.iter().flatten().copied().collect();
            table = vec![None; newsize];
            for o in old {
                insert(&mut table, hashes, o);
            }
        }
    }
    table.into_iter().flatten().collect()
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> i64 {
        let (s, e, st) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if st > 0 {
            if e > s {
                (e - s + st - 1) / st
            } else {
                0
            }
        } else if s > e {
            (s - e - st - 1) / (-st)
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start.wrapping_add(self.step.wrapping_mul(i))
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct Function {
    pub def: Rc<FunctionDef>,
    pub name: Rc<str>,
    pub qualname: String,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<Option<Value>>,
    pub closure: Option<Rc<crate::eval::Env>>,
    /// The class whose body defined this function (for zero-argument `super()`).
    pub class: RefCell<Option<std::rc::Weak<Class>>>,
    /// Library code (the torch prelude): left out of tracebacks.
    pub hidden: bool,
    /// Attributes set on the function (`wrapper.calls = 0`).
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
}

pub type BuiltinImpl = fn(&mut crate::eval::Interp, crate::eval::Args) -> PyResult<Value>;

pub struct BuiltinFn {
    pub name: &'static str,
    pub func: BuiltinImpl,
    /// The receiver for builtin methods (`[].append`): passed as the first argument.
    pub this: Option<Value>,
    /// Type name of the receiver, for reprs (`<built-in method append of list object ...>`).
    pub owner: Option<&'static str>,
}

pub struct BoundMethod {
    pub func: Value,
    pub this: Value,
}

impl Class {
    /// Whether instances hash: a class that defines `__eq__` without `__hash__` gets
    /// `__hash__ = None` in CPython, and its subclasses inherit that.
    pub fn hashable(&self) -> bool {
        for k in std::iter::once(self).chain(self.mro.iter().map(|k| &**k)) {
            let d = k.dict.borrow();
            if let Some(h) = d.get("__hash__") {
                return !matches!(h, Value::None);
            }
            if d.contains_key("__eq__") {
                return false;
            }
        }
        true
    }
}

pub struct Class {
    pub name: Rc<str>,
    pub bases: Vec<Value>,
    /// Method resolution order *after* this class (the class itself is not included).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<HashMap<Rc<str>, Value>>,
    /// For exception classes: the builtin exception this class derives from.
    pub is_exception: bool,
    /// For builtin exception classes.
    pub builtin: bool,
    /// A native base class (e.g. `nn.Module`), if any.
    pub native_base: Option<Value>,
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<DictData>,
    /// State owned by a native base class (e.g. `nn.Module`'s parameters).
    pub native: RefCell<Option<Value>>,
    pub id: Cell<usize>,
}

pub struct Module {
    pub name: Rc<str>,
    pub attrs: RefCell<HashMap<Rc<str>, Value>>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(ListObj::new(items))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(TupleObj { items, class: None }))
    }

    /// An instance of `class`, a `tuple` subclass.
    pub fn tuple_of(class: Rc<Class>, items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(TupleObj {
            items,
            class: Some(class),
        }))
    }

    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    /// The Python type name (`type(x).__name__`).
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::NotImplemented => "NotImplementedType".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(t) => match &t.class {
                Some(c) => c.name.to_string(),
                None => "tuple".into(),
            },
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Function(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Type(_) | Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.to_string(),
            Value::Module(_) => "module".into(),
            Value::Iterator(it) => it.borrow().type_name().into(),
            Value::Super(_) => "super".into(),
            Value::Property(_) => "property".into(),
            Value::StaticMethod(_) => "staticmethod".into(),
            Value::ClassMethod(_) => "classmethod".into(),
            Value::Native(n) => n.type_name(),
        }
    }

    /// Object identity (for `is`, `id()` and default reprs).
    pub fn id(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::None => 0x9a_0000,
            Value::NotImplemented => 0x9a_0010,
            Value::Ellipsis => 0x9a_0020,
            Value::Bool(b) => 0x9a_0030 + *b as usize,
            Value::Int(i) => 0x1000_0000usize.wrapping_add(*i as usize),
            Value::Float(f) => f.to_bits() as usize,
            Value::BigInt(r) => p(r),
            Value::Str(r) => p(r),
            Value::List(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Set(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Function(r) => p(r),
            Value::Builtin(r) => p(r),
            Value::BoundMethod(r) => p(r),
            Value::Type(t) => 0x9b_0000 + *t as usize * 16,
            Value::Class(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Module(r) => p(r),
            Value::Iterator(r) => p(r),
            Value::Super(r) => p(r),
            Value::Property(r) => p(r),
            Value::StaticMethod(r) => p(r),
            Value::ClassMethod(r) => p(r),
            Value::Native(n) => n.id(),
        }
    }

    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Native(a), _) => a.same_as(other),
            _ => {
                std::mem::discriminant(self) == std::mem::discriminant(other)
                    && self.id() == other.id()
            }
        }
    }

    /// The dict behind a `dict`, or behind an instance of a `dict` subclass.
    pub fn dict_obj(&self) -> Option<Rc<DictObj>> {
        match self {
            Value::Dict(d) => Some(d.clone()),
            Value::Instance(i) => match &*i.native.borrow() {
                Some(Value::Dict(d)) => Some(d.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A hashable key, or TypeError "unhashable type".
    pub fn hash_key(&self) -> PyResult<HashKey> {
        self.hash_key_at(0)
    }

    fn hash_key_at(&self, depth: usize) -> PyResult<HashKey> {
        if depth > 1000 {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        Ok(match self {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            Value::BigInt(b) => HashKey::BigInt((**b).clone()),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    HashKey::Int(*f as i64)
                } else if f.is_nan() {
                    HashKey::Float(f64::NAN.to_bits())
                } else {
                    HashKey::Float(f.to_bits())
                }
            }
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Tuple(t) => HashKey::Tuple(
                t.items
                    .iter()
                    .map(|v| v.hash_key_at(depth + 1))
                    .collect::<PyResult<Vec<_>>>()?,
            ),
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    self.type_name()
                )))
            }
            Value::Instance(i) if !i.class.hashable() || self.dict_obj().is_some() => {
                return Err(PyErr::type_error(format!(
                    "unhashable type: '{}'",
                    i.class.name
                )))
            }
            other => HashKey::Id(other.id()),
        })
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            other => write!(f, "<{} object>", other.type_name()),
        }
    }
}

// Iterative drops, so that deeply nested objects (lists of lists, linked lists of
// instances, chains of iterators) cannot overflow the stack when they are freed.

/// True for values that may own other values (worth draining iteratively).
fn is_container(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Instance(_)
            | Value::Iterator(_)
            | Value::BoundMethod(_)
    )
}

fn drain_data(data: DictData, stack: &mut Vec<Value>) {
    for (k, v) in data.entries {
        stack.push(k);
        stack.push(v);
    }
}

/// Frees values without recursion (used by iterator states).
pub(crate) fn drain_values(stack: Vec<Value>) {
    if stack.iter().any(is_container) {
        drain_nested(stack);
    }
}

fn drain_nested(mut stack: Vec<Value>) {
    while let Some(v) = stack.pop() {
        match v {
            Value::List(rc) => {
                if let Ok(obj) = Rc::try_unwrap(rc) {
                    stack.append(&mut obj.items.take());
                }
            }
            Value::Tuple(rc) => {
                if let Ok(mut obj) = Rc::try_unwrap(rc) {
                    stack.append(&mut obj.items);
                }
            }
            Value::Dict(rc) => {
                if let Ok(obj) = Rc::try_unwrap(rc) {
                    drain_data(obj.data.take(), &mut stack);
                }
            }
            Value::Set(rc) => {
                if let Ok(obj) = Rc::try_unwrap(rc) {
                    drain_data(obj.data.take(), &mut stack);
                }
            }
            Value::Instance(rc) => {
                if let Ok(obj) = Rc::try_unwrap(rc) {
                    drain_data(obj.dict.take(), &mut stack);
                    stack.extend(obj.native.take());
                }
            }
            Value::Iterator(rc) => {
                if let Ok(cell) = Rc::try_unwrap(rc) {
                    let mut st = cell.into_inner();
                    stack.extend(st.take_values());
                }
            }
            Value::BoundMethod(rc) => {
                if let Ok(mut m) = Rc::try_unwrap(rc) {
                    stack.push(std::mem::replace(&mut m.func, Value::None));
                    stack.push(std::mem::replace(&mut m.this, Value::None));
                }
            }
            _ => {}
        }
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if items.iter().any(is_container) {
            drain_nested(items);
        }
    }
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        let items = std::mem::take(&mut self.items);
        if items.iter().any(is_container) {
            drain_nested(items);
        }
    }
}

fn drop_data(data: DictData) {
    if data
        .entries
        .iter()
        .any(|(k, v)| is_container(k) || is_container(v))
    {
        let mut stack = Vec::new();
        drain_data(data, &mut stack);
        drain_nested(stack);
    }
}

impl Drop for DictObj {
    fn drop(&mut self) {
        drop_data(std::mem::take(self.data.get_mut()));
    }
}

impl Drop for SetObj {
    fn drop(&mut self) {
        drop_data(std::mem::take(self.data.get_mut()));
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        drop_data(std::mem::take(self.dict.get_mut()));
        if let Some(n) = self.native.get_mut().take() {
            drain_nested(vec![n]);
        }
    }
}

impl Drop for BoundMethod {
    fn drop(&mut self) {
        let f = std::mem::replace(&mut self.func, Value::None);
        let t = std::mem::replace(&mut self.this, Value::None);
        if is_container(&f) || is_container(&t) {
            drain_nested(vec![f, t]);
        }
    }
}
