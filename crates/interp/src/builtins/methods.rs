//! Methods of builtin types: list, dict, set, tuple, int, float (str methods are in `strings`).

use super::python::{sort_values, to_index};
use super::strings;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::subscript::seq_index;
use crate::value::*;
use std::any::Any;
use std::rc::Rc;

type Method = (&'static str, BuiltinImpl);

/// Finds method `name` of builtin type `type_name`.
pub(crate) fn lookup(type_name: &str, name: &str) -> Option<Method> {
    let table: &[Method] = match type_name {
        "str" => strings::METHODS,
        "list" => LIST,
        "dict" => DICT,
        "set" => SET,
        "tuple" => TUPLE,
        "int" | "bool" => INT,
        "float" => FLOAT,
        "range" => RANGE,
        _ => return None,
    };
    table.iter().find(|(n, _)| *n == name).copied()
}

/// `dict`'s special methods, found on instances of `dict` subclasses (`lookup_special`),
/// through `super()` and on the type itself (`dict.__setitem__(self, k, v)`); bound to the
/// instance, they work on the dict it holds.
pub(crate) fn dict_special(name: &str) -> Option<Method> {
    const SPECIAL: &[Method] = &[
        ("__init__", dict_init),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__len__", dict_len),
        ("__iter__", dict_iter),
        ("__contains__", dict_contains),
        ("__eq__", dict_eq),
        ("__repr__", dict_repr),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
    ];
    SPECIAL
        .iter()
        .chain(DICT)
        .find(|(n, _)| *n == name)
        .copied()
}

/// Method names of a builtin type (for "Did you mean" hints).
pub(crate) fn names(type_name: &str) -> Vec<String> {
    let table: &[Method] = match type_name {
        "str" => strings::METHODS,
        "list" => LIST,
        "dict" => DICT,
        "set" => SET,
        "tuple" => TUPLE,
        "int" | "bool" => INT,
        "float" => FLOAT,
        "range" => RANGE,
        _ => &[],
    };
    table.iter().map(|(n, _)| n.to_string()).collect()
}

/// The static type name used in method reprs.
pub(crate) fn owner_name(type_name: &str) -> Option<&'static str> {
    Some(match type_name {
        "str" => "str",
        "list" => "list",
        "dict" => "dict",
        "set" => "set",
        "tuple" => "tuple",
        "int" => "int",
        "bool" => "bool",
        "float" => "float",
        "range" => "range",
        _ => return None,
    })
}

/// The receiver of a method call (first positional), type-checked.
fn this(args: &mut Args, tn: &str, method: &str) -> PyResult<Value> {
    if args.positional.is_empty() {
        return Err(PyErr::type_error(format!(
            "unbound method {tn}.{method}() needs an argument"
        )));
    }
    let v = args.positional.remove(0);
    if tn == "dict" {
        if let Some(d) = v.dict_obj() {
            return Ok(Value::Dict(d));
        }
    }
    if v.type_name() != tn
        && !(tn == "int" && matches!(v, Value::Bool(_)))
        && !(tn == "tuple" && matches!(v, Value::Tuple(_)))
    {
        return Err(PyErr::type_error(format!(
            "descriptor '{method}' for '{tn}' objects doesn't apply to a '{}' object",
            v.type_name()
        )));
    }
    Ok(v)
}

fn list_of(v: &Value) -> Rc<ListObj> {
    match v {
        Value::List(l) => l.clone(),
        _ => ListObj::new(Vec::new()),
    }
}

fn dict_of(v: &Value) -> Option<Rc<DictObj>> {
    match v {
        Value::Dict(d) => Some(d.clone()),
        _ => None,
    }
}

fn n_args(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    args.no_kwargs(name)?;
    let n = args.positional.len();
    if n < min || n > max {
        if min == max && min == 0 {
            return Err(PyErr::type_error(format!(
                "{name}() takes no arguments ({n} given)"
            )));
        }
        if min == max && min == 1 {
            return Err(PyErr::type_error(format!(
                "{name}() takes exactly one argument ({n} given)"
            )));
        }
        if n < min {
            return Err(PyErr::type_error(format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )));
        }
        return Err(PyErr::type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

// ---- list ----

const LIST: &[Method] = &[
    ("append", list_append),
    ("extend", list_extend),
    ("pop", list_pop),
    ("insert", list_insert),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("copy", list_copy),
    ("clear", list_clear),
];

fn list_append(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "append")?);
    n_args(&args, "list.append", 1, 1)?;
    let len = l.items.borrow().len();
    if len.is_multiple_of(65536) && len > 0 {
        interp.check_alloc(len as u128 * 16)?;
    }
    l.items.borrow_mut().push(args.positional[0].clone());
    Ok(Value::None)
}

fn list_extend(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "extend")?);
    n_args(&args, "list.extend", 1, 1)?;
    let items = interp.collect(&args.positional[0])?;
    let total = l.items.borrow().len() + items.len();
    interp.check_alloc(total as u128 * 16)?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "pop")?);
    n_args(&args, "pop", 0, 1)?;
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = match args.positional.first() {
        None => items.len() - 1,
        Some(k) => seq_index(k, items.len(), "pop")?,
    };
    Ok(items.remove(i))
}

fn list_insert(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "insert")?);
    n_args(&args, "insert", 2, 2)?;
    let i = to_index(&args.positional[0])?;
    let mut items = l.items.borrow_mut();
    let len = items.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(j as usize, args.positional[1].clone());
    Ok(Value::None)
}

fn list_remove(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "remove")?);
    n_args(&args, "list.remove", 1, 1)?;
    let items = l.items.borrow().clone();
    for (i, x) in items.iter().enumerate() {
        if interp.eq(x, &args.positional[0])? {
            l.items.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_index(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "index")?);
    n_args(&args, "index", 1, 3)?;
    let items = l.items.borrow().clone();
    let start = match args.positional.get(1) {
        Some(v) => to_index(v)?.max(0) as usize,
        None => 0,
    };
    for (i, x) in items.iter().enumerate().skip(start) {
        if interp.eq(x, &args.positional[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = interp.repr(&args.positional[0])?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_count(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "count")?);
    n_args(&args, "list.count", 1, 1)?;
    let items = l.items.borrow().clone();
    let mut n = 0;
    for x in &items {
        if interp.eq(x, &args.positional[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "sort")?);
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    args.no_kwargs("sort")?;
    if !args.positional.is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let items = l.items.borrow().clone();
    let sorted = sort_values(interp, items, key, reverse)?;
    *l.items.borrow_mut() = sorted;
    Ok(Value::None)
}

fn list_reverse(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "reverse")?);
    n_args(&args, "list.reverse", 0, 0)?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "copy")?);
    n_args(&args, "list.copy", 0, 0)?;
    let items = l.items.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let l = list_of(&this(&mut args, "list", "clear")?);
    n_args(&args, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

// ---- tuple ----

const TUPLE: &[Method] = &[("index", tuple_index), ("count", tuple_count)];

fn tuple_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Tuple(t) => t.items.clone(),
        _ => Vec::new(),
    }
}

fn tuple_index(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = tuple_items(&this(&mut args, "tuple", "index")?);
    n_args(&args, "index", 1, 3)?;
    for (i, x) in t.iter().enumerate() {
        if interp.eq(x, &args.positional[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let t = tuple_items(&this(&mut args, "tuple", "count")?);
    n_args(&args, "tuple.count", 1, 1)?;
    let mut n = 0;
    for x in &t {
        if interp.eq(x, &args.positional[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

// ---- dict ----

const DICT: &[Method] = &[
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("get", dict_get),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("popitem", dict_popitem),
];

fn dict_init(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "__init__")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    let src = super::types::dict_from(interp, args)?;
    if let Value::Dict(s) = src {
        let entries = s.data.borrow().keyed_entries();
        for (hk, k, v) in entries {
            d.data.borrow_mut().insert(hk, k, v);
        }
    }
    Ok(Value::None)
}

/// The receiver of a dict special method (a dict or a dict subclass's instance) and its dict.
fn dict_receiver(args: &mut Args, method: &str, n: usize) -> PyResult<(Value, Rc<DictObj>)> {
    let raw = args.positional.first().cloned().unwrap_or(Value::None);
    let d = dict_of(&this(args, "dict", method)?).ok_or_else(|| PyErr::type_error("not a dict"))?;
    n_args(args, method, n, n)?;
    Ok((raw, d))
}

/// `d[key]`; a missing key calls the subclass's `__missing__` if it has one.
fn dict_getitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (me, d) = dict_receiver(&mut args, "__getitem__", 1)?;
    let key = &args.positional[0];
    let hk = interp.hash_key(key)?;
    if let Some(v) = d.data.borrow().get(&hk) {
        return Ok(v.clone());
    }
    if let Some(m) = interp.lookup_special(&me, "__missing__") {
        return interp.call(&m, Args::positional(vec![key.clone()]));
    }
    Err(interp.key_error(key))
}

fn dict_setitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__setitem__", 2)?;
    let mut p = std::mem::take(&mut args.positional).into_iter();
    let (k, v) = (
        p.next().unwrap_or(Value::None),
        p.next().unwrap_or(Value::None),
    );
    let hk = interp.hash_key(&k)?;
    d.data.borrow_mut().insert(hk, k, v);
    Ok(Value::None)
}

fn dict_delitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__delitem__", 1)?;
    interp.del_item(&Value::Dict(d), &args.positional[0])?;
    Ok(Value::None)
}

fn dict_len(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__len__", 0)?;
    let n = d.data.borrow().len();
    Ok(Value::Int(n as i64))
}

fn dict_iter(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__iter__", 0)?;
    Ok(crate::iter::over_dict(&d, "dict_keys"))
}

fn dict_contains(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__contains__", 1)?;
    interp
        .contains(&Value::Dict(d), &args.positional[0])
        .map(Value::Bool)
}

fn dict_eq(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__eq__", 1)?;
    match args.positional[0].dict_obj() {
        Some(o) => interp.eq(&Value::Dict(d), &Value::Dict(o)).map(Value::Bool),
        None => Ok(Value::NotImplemented),
    }
}

/// `d | other` (a new dict) and `other | d`, for dict subclasses as for dicts.
fn dict_or(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__or__", 1)?;
    match args.positional[0].dict_obj() {
        Some(o) => interp.binary_op(&Value::Dict(d), &Value::Dict(o), crate::ast::BinOp::BitOr),
        None => Ok(Value::NotImplemented),
    }
}

fn dict_ror(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__ror__", 1)?;
    match args.positional[0].dict_obj() {
        Some(o) => interp.binary_op(&Value::Dict(o), &Value::Dict(d), crate::ast::BinOp::BitOr),
        None => Ok(Value::NotImplemented),
    }
}

/// `d |= other`: in place.
fn dict_ior(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    dict_update(interp, args)?;
    Ok(me)
}

fn dict_repr(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let (_, d) = dict_receiver(&mut args, "__repr__", 0)?;
    interp.repr(&Value::Dict(d)).map(|s| Value::str(&s))
}

/// `dict.keys()` / `values()` / `items()` views: live, re-iterable, printable.
pub(crate) struct DictView {
    pub(crate) dict: Rc<DictObj>,
    pub(crate) kind: &'static str,
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.data.borrow();
        d.entries
            .iter()
            .map(|(k, v)| match self.kind {
                "dict_keys" => k.clone(),
                "dict_values" => v.clone(),
                _ => Value::tuple(vec![k.clone(), v.clone()]),
            })
            .collect()
    }
}

impl NativeObject for DictView {
    fn type_name(&self) -> String {
        self.kind.to_string()
    }
    fn id(&self) -> usize {
        self as *const DictView as usize
    }
    fn repr(&self, interp: &mut Interp) -> PyResult<String> {
        let l = Value::list(self.items());
        Ok(format!("{}({})", self.kind, interp.repr(&l)?))
    }
    fn len(&self) -> Option<usize> {
        Some(self.dict.data.borrow().len())
    }
    fn iter_items(&self, _: &mut Interp) -> PyResult<Option<Vec<Value>>> {
        Ok(Some(self.items()))
    }
    fn truthy(&self, _: &mut Interp) -> PyResult<Option<bool>> {
        Ok(Some(!self.dict.data.borrow().is_empty()))
    }
    fn compare(
        &self,
        op: crate::ast::CmpOp,
        other: &Value,
        interp: &mut Interp,
    ) -> PyResult<Option<Value>> {
        if op != crate::ast::CmpOp::Eq {
            return Ok(None);
        }
        if let Value::Native(n) = other {
            if let Some(o) = n.as_any().downcast_ref::<DictView>() {
                let (a, b) = (Value::list(self.items()), Value::list(o.items()));
                return Ok(Some(Value::Bool(interp.eq(&a, &b)?)));
            }
        }
        Ok(Some(Value::Bool(false)))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn view(mut args: Args, kind: &'static str, method: &str) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", method)?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    n_args(&args, &format!("dict.{method}"), 0, 0)?;
    Ok(Value::Native(Rc::new(DictView { dict: d, kind })))
}

fn dict_keys(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(args, "dict_keys", "keys")
}

fn dict_values(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(args, "dict_values", "values")
}

fn dict_items(_: &mut Interp, args: Args) -> PyResult<Value> {
    view(args, "dict_items", "items")
}

fn dict_get(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d =
        dict_of(&this(&mut args, "dict", "get")?).ok_or_else(|| PyErr::type_error("not a dict"))?;
    n_args(&args, "get", 1, 2)?;
    let hk = interp.hash_key(&args.positional[0])?;
    let v = d.data.borrow().get(&hk).cloned();
    Ok(v.unwrap_or_else(|| args.positional.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_pop(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d =
        dict_of(&this(&mut args, "dict", "pop")?).ok_or_else(|| PyErr::type_error("not a dict"))?;
    n_args(&args, "pop", 1, 2)?;
    let hk = interp.hash_key(&args.positional[0])?;
    let removed = d.data.borrow_mut().remove(&hk);
    match removed {
        Some((_, v)) => Ok(v),
        None => match args.positional.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(interp.key_error(&args.positional[0])),
        },
    }
}

fn dict_setdefault(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "setdefault")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    n_args(&args, "setdefault", 1, 2)?;
    let k = args.positional[0].clone();
    let hk = interp.hash_key(&k)?;
    if let Some(v) = d.data.borrow().get(&hk) {
        return Ok(v.clone());
    }
    let v = args.positional.get(1).cloned().unwrap_or(Value::None);
    d.data.borrow_mut().insert(hk, k, v.clone());
    Ok(v)
}

/// `dict.fromkeys(iterable, value=None)`: found on the type itself (`objects.rs`), not bound.
pub(crate) fn dict_fromkeys(interp: &mut Interp, args: Args) -> PyResult<Value> {
    n_args(&args, "fromkeys", 1, 2)?;
    let v = args.positional.get(1).cloned().unwrap_or(Value::None);
    let mut data = DictData::default();
    for k in interp.collect(&args.positional[0])? {
        data.insert(interp.hash_key(&k)?, k, v.clone());
    }
    Ok(Value::Dict(Rc::new(DictObj {
        data: std::cell::RefCell::new(data),
    })))
}

fn dict_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "update")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    let src = super::types::construct(interp, BuiltinType::Dict, args)?;
    if let Value::Dict(s) = src {
        let entries = s.data.borrow().keyed_entries();
        for (hk, k, v) in entries {
            d.data.borrow_mut().insert(hk, k, v);
        }
    }
    Ok(Value::None)
}

fn dict_copy(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "copy")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    Ok(super::python::dict_copy(&d))
}

fn dict_clear(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "clear")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    let old = std::mem::take(&mut *d.data.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dict_popitem(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let d = dict_of(&this(&mut args, "dict", "popitem")?)
        .ok_or_else(|| PyErr::type_error("not a dict"))?;
    let last = d.data.borrow().entries.last().cloned();
    match last {
        Some((k, v)) => {
            let hk = interp.hash_key(&k)?;
            d.data.borrow_mut().remove(&hk);
            Ok(Value::tuple(vec![k, v]))
        }
        None => Err(PyErr::new("KeyError", "'popitem(): dictionary is empty'")),
    }
}

// ---- set ----

const SET: &[Method] = &[
    ("add", set_add),
    ("remove", set_remove),
    ("discard", set_discard),
    ("pop", set_pop),
    ("copy", set_copy),
    ("clear", set_clear),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("update", set_update),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
];

fn set_of(v: &Value) -> Rc<SetObj> {
    match v {
        Value::Set(s) => s.clone(),
        _ => Rc::new(SetObj {
            data: Default::default(),
        }),
    }
}

fn set_add(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "add")?);
    n_args(&args, "set.add", 1, 1)?;
    let k = args.positional[0].clone();
    let len = s.data.borrow().len();
    if len > 0 && len.is_multiple_of(65536) {
        interp.check_alloc(len as u128 * 100)?;
    }
    let hk = interp.hash_key(&k)?;
    s.data.borrow_mut().insert(hk, k, Value::None);
    Ok(Value::None)
}

fn set_remove(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "remove")?);
    n_args(&args, "set.remove", 1, 1)?;
    let hk = interp.hash_key(&args.positional[0])?;
    let removed = s.data.borrow_mut().remove(&hk);
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(interp.key_error(&args.positional[0])),
    }
}

fn set_discard(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "discard")?);
    n_args(&args, "set.discard", 1, 1)?;
    let hk = interp.hash_key(&args.positional[0])?;
    s.data.borrow_mut().remove(&hk);
    Ok(Value::None)
}

fn set_pop(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "pop")?);
    let first = s.data.borrow().entries.first().cloned();
    match first {
        Some((k, _)) => {
            let hk = interp.hash_key(&k)?;
            s.data.borrow_mut().remove(&hk);
            Ok(k)
        }
        None => Err(PyErr::new("KeyError", "'pop from an empty set'")),
    }
}

fn set_copy(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "copy")?);
    let mut d = DictData::default();
    for (hk, k, v) in s.data.borrow().keyed_entries() {
        d.insert(hk, k, v);
    }
    Ok(Value::Set(Rc::new(SetObj {
        data: std::cell::RefCell::new(d),
    })))
}

fn set_clear(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "clear")?);
    *s.data.borrow_mut() = DictData::default();
    Ok(Value::None)
}

fn set_binop(
    interp: &mut Interp,
    mut args: Args,
    name: &str,
    op: crate::ast::BinOp,
) -> PyResult<Value> {
    let s = this(&mut args, "set", name)?;
    let mut acc = s;
    for o in &args.positional {
        let items = interp.collect(o)?;
        let os = super::python::make_set(interp, items)?;
        acc = super::python::set_op(&acc, &os, op)?;
    }
    if args.positional.is_empty() {
        let items = interp.collect(&acc)?;
        return super::python::make_set(interp, items);
    }
    Ok(acc)
}

fn set_union(interp: &mut Interp, args: Args) -> PyResult<Value> {
    set_binop(interp, args, "union", crate::ast::BinOp::BitOr)
}

fn set_intersection(interp: &mut Interp, args: Args) -> PyResult<Value> {
    set_binop(interp, args, "intersection", crate::ast::BinOp::BitAnd)
}

fn set_difference(interp: &mut Interp, args: Args) -> PyResult<Value> {
    set_binop(interp, args, "difference", crate::ast::BinOp::Sub)
}

fn set_update(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "update")?);
    for o in &args.positional {
        for k in interp.collect(o)? {
            let hk = interp.hash_key(&k)?;
            s.data.borrow_mut().insert(hk, k, Value::None);
        }
    }
    Ok(Value::None)
}

fn set_issubset(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "issubset")?);
    n_args(&args, "set.issubset", 1, 1)?;
    let other = interp.collect(&args.positional[0])?;
    let mut keys = crate::fxhash::HashSet::default();
    for o in other {
        keys.insert(interp.hash_key(&o)?);
    }
    let r = s.data.borrow().index.keys().all(|k| keys.contains(k));
    Ok(Value::Bool(r))
}

fn set_issuperset(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let s = set_of(&this(&mut args, "set", "issuperset")?);
    n_args(&args, "set.issuperset", 1, 1)?;
    let other = interp.collect(&args.positional[0])?;
    for o in other {
        let hk = interp.hash_key(&o)?;
        if !s.data.borrow().index.contains_key(&hk) {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

// ---- int / float / range ----

const INT: &[Method] = &[
    ("bit_length", int_bit_length),
    ("is_integer", int_is_integer),
];

fn int_bit_length(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let v = this(&mut args, "int", "bit_length")?;
    let b = crate::ops::to_big(&crate::ops::as_num(&v).unwrap_or(crate::ops::Num::Int(0)));
    Ok(Value::Int(b.bits() as i64))
}

fn int_is_integer(_: &mut Interp, _: Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

const FLOAT: &[Method] = &[("is_integer", float_is_integer), ("hex", float_hex)];

fn float_is_integer(_: &mut Interp, mut args: Args) -> PyResult<Value> {
    let v = this(&mut args, "float", "is_integer")?;
    let Value::Float(f) = v else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_hex(_: &mut Interp, _: Args) -> PyResult<Value> {
    Err(PyErr::not_implemented("float.hex() is not supported"))
}

const RANGE: &[Method] = &[("index", range_index), ("count", range_count)];

fn range_index(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let r = this(&mut args, "range", "index")?;
    n_args(&args, "index", 1, 1)?;
    let items = interp.collect(&r)?;
    for (i, x) in items.iter().enumerate() {
        if interp.eq(x, &args.positional[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let s = interp.repr(&args.positional[0])?;
    Err(PyErr::value_error(format!("{s} is not in range")))
}

fn range_count(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let r = this(&mut args, "range", "count")?;
    n_args(&args, "count", 1, 1)?;
    Ok(Value::Int(interp.contains(&r, &args.positional[0])? as i64))
}
