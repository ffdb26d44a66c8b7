//! Python's builtin functions and the constructors of builtin types.

use super::builtin_fn;
use crate::ast::{BinOp, CmpOp};
use crate::error::{PyErr, PyResult};
use crate::eval::{is_subclass, Args, Interp};
use crate::iter::{self, IterState};
use crate::ops::{as_num, num_to_f64, to_big, Num};
use crate::value::*;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

pub(crate) fn install(interp: &mut Interp) {
    let fns: &[(&'static str, BuiltinImpl)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("round", round),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter_fn),
        ("next", next),
        ("divmod", divmod),
        ("pow", pow),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("bin", bin),
        ("oct", oct),
        ("callable", callable),
        ("format", format),
        ("input", input),
        ("open", open),
        ("vars", vars),
        ("dir", dir),
    ];
    for (name, f) in fns {
        interp
            .builtins
            .insert(Rc::from(*name), builtin_fn(name, *f));
    }
    for name in ["exit", "quit"] {
        interp
            .builtins
            .insert(Rc::from(name), builtin_fn(name, super::sys::exit));
    }
    let types = [
        BuiltinType::Int,
        BuiltinType::Float,
        BuiltinType::Str,
        BuiltinType::Bool,
        BuiltinType::List,
        BuiltinType::Tuple,
        BuiltinType::Dict,
        BuiltinType::Set,
        BuiltinType::Range,
        BuiltinType::Slice,
        BuiltinType::Object,
        BuiltinType::Type,
        BuiltinType::Super,
        BuiltinType::Property,
        BuiltinType::StaticMethod,
        BuiltinType::ClassMethod,
    ];
    for t in types {
        interp.builtins.insert(Rc::from(t.name()), Value::Type(t));
    }
    interp
        .builtins
        .insert(Rc::from("NotImplemented"), Value::NotImplemented);
    interp
        .builtins
        .insert(Rc::from("Ellipsis"), Value::Ellipsis);
    interp.builtins.insert(Rc::from("EOFError"), {
        let base = interp.exc_classes.get("Exception").cloned();
        let c = super::new_exc_class("EOFError", base);
        interp.exc_classes.insert("EOFError".into(), c.clone());
        Value::Class(c)
    });
}

// ---- conversions used across builtins ----

/// An integer argument (`'float' object cannot be interpreted as an integer`).
pub(crate) fn to_index(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

pub(crate) fn to_f64(interp: &mut Interp, v: &Value) -> PyResult<f64> {
    if let Some(n) = as_num(v) {
        return num_to_f64(&n);
    }
    if let Value::Native(n) = v {
        let n = n.clone();
        if let Some(x) = n.to_scalar(interp)? {
            return Ok(x);
        }
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        v.type_name()
    )))
}

pub(crate) fn one_arg(args: &Args, name: &str) -> PyResult<Value> {
    args.no_kwargs(name)?;
    args.count(name, 1, 1)?;
    Ok(args.positional[0].clone())
}

// ---- builtin functions ----

fn print(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let sep = args.take_kw("sep");
    let end = args.take_kw("end");
    let to_stderr = args
        .take_kw("file")
        .is_some_and(|f| super::sys::is_stderr(&f));
    args.take_kw("flush");
    if let Some((k, _)) = args.kwargs.first() {
        return Err(PyErr::type_error(format!(
            "'{k}' is an invalid keyword argument for print()"
        )));
    }
    let get = |v: Option<Value>, name: &str, default: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => Err(PyErr::type_error(format!(
                "{name} must be None or a string, not {}",
                other.type_name()
            ))),
        }
    };
    let sep = get(sep, "sep", " ")?;
    let end = get(end, "end", "\n")?;
    let mut out = String::new();
    for (i, a) in args.positional.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&interp.to_str(a)?);
    }
    out.push_str(&end);
    if to_stderr {
        interp.write_err(&out);
    } else {
        interp.write_out(&out);
    }
    Ok(Value::None)
}

fn len(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "len")?;
    Ok(Value::Int(interp.len(&v)? as i64))
}

fn repr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "repr")?;
    Ok(Value::str(&interp.repr(&v)?))
}

fn ascii(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ascii")?;
    Ok(Value::str(&crate::format::ascii_escape(&interp.repr(&v)?)))
}

fn abs(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "abs")?;
    match as_num(&v) {
        Some(Num::Int(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(BigInt::from(i).abs()),
        }),
        Some(Num::Big(b)) => Ok(Value::from_bigint(b.abs())),
        Some(Num::Float(f)) => Ok(Value::Float(f.abs())),
        None => {
            if matches!(v, Value::Native(_)) || interp.lookup_special(&v, "__abs__").is_some() {
                let name = if matches!(v, Value::Native(_)) {
                    "abs"
                } else {
                    "__abs__"
                };
                let m = interp.get_attr(&v, name)?;
                return interp.call(&m, Args::default());
            }
            Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                v.type_name()
            )))
        }
    }
}

pub(crate) fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if nd >= 0 {
        if nd > 330 {
            return x;
        }
        crate::floatparse::parse_f64(&format!("{x:.*}", nd as usize)).unwrap_or(x)
    } else {
        let p = 10f64.powi(nd.saturating_neg().min(400) as i32);
        if p.is_infinite() {
            return 0.0f64.copysign(x);
        }
        let y = x / p;
        (y.round_ties_even() * p).copysign(x)
    }
}

fn round(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let nd = args.take_kw("ndigits");
    args.no_kwargs("round")?;
    args.count("round", 1, 2)?;
    let x = args.positional[0].clone();
    let nd = nd.or_else(|| args.positional.get(1).cloned());
    let nd = match nd {
        None | Some(Value::None) => None,
        Some(v) => Some(to_index(&v)?),
    };
    match (as_num(&x), nd) {
        (Some(Num::Float(f)), None) => {
            if f.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            Ok(float_to_int(f.round_ties_even()))
        }
        (Some(Num::Float(f)), Some(n)) => Ok(Value::Float(round_float(f, n))),
        (Some(n), None) => Ok(Value::from_bigint(to_big(&n))),
        (Some(n), Some(d)) => {
            if d >= 0 {
                return Ok(Value::from_bigint(to_big(&n)));
            }
            let b = to_big(&n);
            let p =
                num_traits::pow::Pow::pow(BigInt::from(10), d.saturating_neg().min(10_000) as u32);
            let (q, r): (BigInt, BigInt) = num_integer::Integer::div_mod_floor(&b, &p);
            let twice: BigInt = &r * BigInt::from(2);
            let q = match twice.cmp(&p) {
                Ordering::Greater => q + 1,
                Ordering::Equal if num_integer::Integer::is_odd(&q) => q + 1,
                _ => q,
            };
            Ok(Value::from_bigint(q * p))
        }
        (None, _) => {
            if let Value::Native(_) = &x {
                let m = interp.get_attr(&x, "round")?;
                return interp.call(&m, Args::default());
            }
            Err(PyErr::type_error(format!(
                "type {} doesn't define __round__ method",
                x.type_name()
            )))
        }
    }
}

pub(crate) fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.0e18 {
        Value::Int(f as i64)
    } else {
        Value::from_bigint(big_from_f64(f))
    }
}

/// The integer part of `f` (0 for NaN and infinities, as `BigInt::from_f64(..).unwrap_or_default()`):
/// its 53-bit significand shifted, not num-bigint's `from_f64`, which is larger in the wasm.
fn big_from_f64(f: f64) -> BigInt {
    let t = f.trunc();
    if !t.is_finite() {
        return BigInt::default();
    }
    if t.abs() < 9.0e18 {
        return BigInt::from(t as i64);
    }
    // |t| >= 2^63: a normal number whose value is significand * 2^(exponent - 1075), exactly.
    let bits = t.to_bits();
    let significand = (bits & ((1 << 52) - 1)) | (1 << 52);
    let shift = ((bits >> 52) & 0x7ff) as usize - 1075;
    let m = BigInt::from(significand) << shift;
    if t < 0.0 {
        -m
    } else {
        m
    }
}

fn min_max(interp: &mut Interp, mut args: Args, name: &str, want: Ordering) -> PyResult<Value> {
    let key = args.take_kw("key");
    let default = args.take_kw("default");
    args.no_kwargs(name)?;
    let items = match args.positional.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => interp.collect(&args.positional[0])?,
        _ if default.is_some() => {
            return Err(PyErr::type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )))
        }
        _ => args.positional.clone(),
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        };
    }
    let key = key.filter(|k| !matches!(k, Value::None));
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => interp.call(k, Args::positional(vec![best.clone()]))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => interp.call(kf, Args::positional(vec![it.clone()]))?,
            None => it.clone(),
        };
        let op = if want == Ordering::Greater {
            CmpOp::Gt
        } else {
            CmpOp::Lt
        };
        let r = interp.compare(&k, &best_key, op)?;
        if interp.truthy(&r)? {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "min", Ordering::Less)
}

fn max(interp: &mut Interp, args: Args) -> PyResult<Value> {
    min_max(interp, args, "max", Ordering::Greater)
}

fn sum(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    args.no_kwargs("sum")?;
    args.count("sum", 1, 2)?;
    let mut acc = start
        .or_else(|| args.positional.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = interp.iter(&args.positional[0])?;
    while let Some(x) = iter::next_value(interp, &it)? {
        acc = interp.binary_op(&acc, &x, BinOp::Add)?;
    }
    Ok(acc)
}

/// Stable merge sort using `<` the way CPython does (`later < earlier`).
pub(crate) fn sort_values(
    interp: &mut Interp,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for it in items {
        let k = match &key {
            Some(kf) => interp.call(kf, Args::positional(vec![it.clone()]))?,
            None => it.clone(),
        };
        keyed.push((k, it));
    }
    if reverse {
        keyed.reverse();
    }
    let sorted = merge_sort(interp, keyed)?;
    let mut out: Vec<Value> = sorted.into_iter().map(|(_, v)| v).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

fn merge_sort(interp: &mut Interp, v: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    // Bottom-up merge sort (no recursion).
    let mut runs: Vec<Vec<(Value, Value)>> = v.into_iter().map(|x| vec![x]).collect();
    while runs.len() > 1 {
        let mut next = Vec::with_capacity(runs.len() / 2 + 1);
        let mut it = runs.into_iter();
        while let Some(a) = it.next() {
            match it.next() {
                None => next.push(a),
                Some(b) => {
                    interp.tick()?;
                    let mut merged = Vec::with_capacity(a.len() + b.len());
                    let mut a = a.into_iter().peekable();
                    let mut b = b.into_iter().peekable();
                    loop {
                        match (a.peek(), b.peek()) {
                            (Some(x), Some(y)) => {
                                let r = interp.compare(&y.0, &x.0, CmpOp::Lt)?;
                                if interp.truthy(&r)? {
                                    merged.extend(b.next());
                                } else {
                                    merged.extend(a.next());
                                }
                            }
                            (Some(_), None) => merged.extend(a.next()),
                            (None, Some(_)) => merged.extend(b.next()),
                            (None, None) => break,
                        }
                    }
                    next.push(merged);
                }
            }
        }
        runs = next;
    }
    Ok(runs.pop().unwrap_or_default())
}

fn sorted(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(r) => interp.truthy(&r)?,
        None => false,
    };
    args.no_kwargs("sorted")?;
    if args.positional.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.positional.len()
        )));
    }
    let items = interp.collect(&args.positional[0])?;
    Ok(Value::list(sort_values(interp, items, key, reverse)?))
}

fn reversed(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "reversed")?;
    let name = match &v {
        Value::List(_) => "list_reverseiterator",
        Value::Range(_) => "range_iterator",
        Value::Tuple(_) | Value::Str(_) => "reversed",
        Value::Dict(_) => "dict_reversekeyiterator",
        Value::Native(_) => "reversed",
        Value::Instance(_) if interp.lookup_special(&v, "__reversed__").is_some() => {
            let m = interp
                .lookup_special(&v, "__reversed__")
                .unwrap_or(Value::None);
            return interp.call(&m, Args::default());
        }
        // A dict subclass; a sequence (`__len__` and `__getitem__`).
        Value::Instance(_)
            if v.dict_obj().is_some()
                || (interp.lookup_special(&v, "__len__").is_some()
                    && interp.lookup_special(&v, "__getitem__").is_some()) =>
        {
            "reversed"
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                v.type_name()
            )))
        }
    };
    let mut items = interp.collect(&v)?;
    items.reverse();
    Ok(iter::from_items(items, name))
}

fn enumerate(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let start = args.take_kw("start");
    let iterable = args.take_kw("iterable");
    args.no_kwargs("enumerate")?;
    let iterable = iterable
        .or_else(|| args.positional.first().cloned())
        .ok_or_else(|| {
            PyErr::type_error("enumerate() missing required argument 'iterable' (pos 1)")
        })?;
    let start = start
        .or_else(|| args.positional.get(1).cloned())
        .unwrap_or(Value::Int(0));
    if as_num(&start).is_none() || matches!(start, Value::Float(_)) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            start.type_name()
        )));
    }
    let inner = interp.iter(&iterable)?;
    Ok(iter::make(IterState::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let strict = match args.take_kw("strict") {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    args.no_kwargs("zip")?;
    let mut inners = Vec::new();
    for a in &args.positional {
        inners.push(interp.iter(a)?);
    }
    Ok(iter::make(IterState::Zip { inners, strict }))
}

fn map(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.no_kwargs("map")?;
    if args.positional.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let func = args.positional[0].clone();
    let mut inners = Vec::new();
    for a in &args.positional[1..] {
        inners.push(interp.iter(a)?);
    }
    Ok(iter::make(IterState::Map { func, inners }))
}

fn filter(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.no_kwargs("filter")?;
    args.count("filter", 2, 2)?;
    let inner = interp.iter(&args.positional[1])?;
    Ok(iter::make(IterState::Filter {
        func: args.positional[0].clone(),
        inner,
    }))
}

fn any(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "any")?;
    let it = interp.iter(&v)?;
    while let Some(x) = iter::next_value(interp, &it)? {
        if interp.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "all")?;
    let it = interp.iter(&v)?;
    while let Some(x) = iter::next_value(interp, &it)? {
        if !interp.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `isinstance(v, t)` for one type object.
pub(crate) fn instance_of(interp: &mut Interp, v: &Value, t: &Value) -> PyResult<bool> {
    Ok(match t {
        Value::Type(bt) => match bt {
            BuiltinType::Object => true,
            BuiltinType::Int => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
            BuiltinType::Bool => matches!(v, Value::Bool(_)),
            BuiltinType::Float => matches!(v, Value::Float(_)),
            BuiltinType::Str => matches!(v, Value::Str(_)),
            BuiltinType::List => matches!(v, Value::List(_)),
            BuiltinType::Tuple => matches!(v, Value::Tuple(_)),
            BuiltinType::Dict => v.dict_obj().is_some(),
            BuiltinType::Set => matches!(v, Value::Set(_)),
            BuiltinType::Range => matches!(v, Value::Range(_)),
            BuiltinType::Slice => matches!(v, Value::Slice(_)),
            BuiltinType::Type => matches!(v, Value::Type(_) | Value::Class(_)),
            other => {
                let tv = interp.type_of(v);
                matches!(tv, Value::Type(x) if x == *other)
            }
        },
        Value::Class(c) => match v {
            Value::Instance(i) => is_subclass(&i.class, c),
            Value::Tuple(t) => t.class.as_ref().is_some_and(|k| is_subclass(k, c)),
            _ => false,
        },
        Value::Tuple(ts) => {
            for x in &ts.items {
                if instance_of(interp, v, x)? {
                    return Ok(true);
                }
            }
            false
        }
        Value::Native(n) if n.as_type_name().is_some() => {
            let tn = n.as_type_name().unwrap_or_default();
            match v {
                Value::Native(x) => x.is_instance_of(&tn),
                Value::Instance(i) => super::find_native_base(&i.class).is_some_and(
                    |nb| matches!(&nb, Value::Native(b) if b.as_type_name() == Some(tn.clone())),
                ),
                _ => false,
            }
        }
        _ => {
            return Err(PyErr::type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ))
        }
    })
}

fn isinstance(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.no_kwargs("isinstance")?;
    args.count("isinstance", 2, 2)?;
    Ok(Value::Bool(instance_of(
        interp,
        &args.positional[0],
        &args.positional[1],
    )?))
}

fn issubclass(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("issubclass", 2, 2)?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    let r = match (a, b) {
        (Value::Class(x), Value::Class(y)) => is_subclass(x, y),
        (Value::Type(x), Value::Type(y)) => {
            x == y
                || *y == BuiltinType::Object
                || (*x == BuiltinType::Bool && *y == BuiltinType::Int)
        }
        (Value::Class(_), Value::Type(BuiltinType::Object)) => true,
        (Value::Class(x), Value::Type(t @ (BuiltinType::Dict | BuiltinType::Tuple))) => matches!(
            super::find_native_base(x),
            Some(Value::Type(b)) if b == *t
        ),
        (_, Value::Tuple(t)) => {
            for x in &t.items {
                let r = issubclass(interp, Args::positional(vec![a.clone(), x.clone()]))?;
                if interp.truthy(&r)? {
                    return Ok(Value::Bool(true));
                }
            }
            false
        }
        (Value::Class(_) | Value::Type(_), _) => false,
        _ => return Err(PyErr::type_error("issubclass() arg 1 must be a class")),
    };
    Ok(Value::Bool(r))
}

fn attr_name(v: &Value, fname: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(PyErr::type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn hasattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("hasattr", 2, 2)?;
    let name = attr_name(&args.positional[1], "hasattr")?;
    Ok(Value::Bool(interp.has_attr(&args.positional[0], &name)?))
}

fn getattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("getattr", 2, 3)?;
    let name = attr_name(&args.positional[1], "getattr")?;
    match interp.get_attr(&args.positional[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if e.kind == "AttributeError" && args.positional.len() == 3 => {
            Ok(args.positional[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("setattr", 3, 3)?;
    let name = attr_name(&args.positional[1], "setattr")?;
    interp.set_attr(&args.positional[0], &name, args.positional[2].clone())?;
    Ok(Value::None)
}

fn delattr(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("delattr", 2, 2)?;
    let name = attr_name(&args.positional[1], "delattr")?;
    interp.del_attr(&args.positional[0], &name)?;
    Ok(Value::None)
}

fn id(_: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "id")?;
    Ok(Value::Int((v.id() as u64 & 0x7fff_ffff_ffff) as i64))
}

fn hash(interp: &mut Interp, args: Args) -> PyResult<Value> {
    use std::hash::{Hash, Hasher};
    let v = one_arg(&args, "hash")?;
    if let Some(h) = interp.user_hash(&v)? {
        return Ok(Value::Int(h));
    }
    let k = interp.hash_key(&v)?;
    if let crate::value::HashKey::Int(i) = k {
        return Ok(Value::Int(if i == -1 { -2 } else { i }));
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    k.hash(&mut h);
    Ok(Value::Int((h.finish() >> 2) as i64))
}

fn iter_fn(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "iter")?;
    interp.iter(&v)
}

fn next(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("next", 1, 2)?;
    let it = &args.positional[0];
    if !matches!(it, Value::Iterator(_)) {
        if let Some(m) = interp.lookup_special(it, "__next__") {
            return interp.call(&m, Args::default());
        }
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    match iter::next_value(interp, it)? {
        Some(v) => Ok(v),
        None => match args.positional.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::stop_iteration("")),
        },
    }
}

fn divmod(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("divmod", 2, 2)?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    let q = interp.binary_op(a, b, BinOp::FloorDiv).map_err(|mut e| {
        e.message = e.message.replace("for //:", "for divmod():");
        e
    })?;
    let r = interp.binary_op(a, b, BinOp::Mod)?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("pow", 2, 3)?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    match args.positional.get(2) {
        None | Some(Value::None) => interp.binary_op(a, b, BinOp::Pow),
        Some(m) => {
            let (Some(x), Some(y), Some(z)) = (as_num(a), as_num(b), as_num(m)) else {
                return Err(PyErr::type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            let (x, y, z) = (to_big(&x), to_big(&y), to_big(&z));
            if z.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            if y.is_negative() {
                // pow(x, -n, z) is pow(inverse of x mod z, n, z).
                use num_integer::Integer;
                let m = z.abs();
                let g = x.mod_floor(&m).extended_gcd(&m);
                if !g.gcd.is_one() {
                    return Err(PyErr::value_error(
                        "base is not invertible for the given modulus",
                    ));
                }
                return Ok(Value::from_bigint(mod_pow(&g.x, &-y, &z)));
            }
            Ok(Value::from_bigint(mod_pow(&x, &y, &z)))
        }
    }
}

/// `x ** y % z` for `y >= 0`, `z != 0`, with the sign of `z` as Python's `pow(x, y, z)`:
/// square and multiply. Not `BigInt::modpow`, whose Montgomery multiplication is 2 KB of
/// wasm for a function lessons hardly call.
fn mod_pow(x: &BigInt, y: &BigInt, z: &BigInt) -> BigInt {
    use num_integer::Integer;
    let base = x.mod_floor(z);
    let mut r = BigInt::from(1).mod_floor(z);
    for i in (0..y.bits()).rev() {
        r = (&r * &r).mod_floor(z);
        if y.bit(i) {
            r = (&r * &base).mod_floor(z);
        }
    }
    r
}

fn chr(_: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "chr")?;
    let i = to_index(&v)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(&c.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "ord")?;
    match &v {
        Value::Str(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
            }
        }
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn radix(args: &Args, name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    let v = one_arg(args, name)?;
    let Some(n) = as_num(&v).filter(|n| !matches!(n, Num::Float(_))) else {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )));
    };
    let b = to_big(&n);
    let s = if b.is_negative() {
        format!("-{prefix}{}", (-b).to_str_radix(r))
    } else {
        format!("{prefix}{}", b.to_str_radix(r))
    };
    Ok(Value::str(&s))
}

fn hex(_: &mut Interp, args: Args) -> PyResult<Value> {
    radix(&args, "hex", 16, "0x")
}

fn bin(_: &mut Interp, args: Args) -> PyResult<Value> {
    radix(&args, "bin", 2, "0b")
}

fn oct(_: &mut Interp, args: Args) -> PyResult<Value> {
    radix(&args, "oct", 8, "0o")
}

fn callable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "callable")?;
    let r = match &v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundMethod(_)
        | Value::Class(_)
        | Value::Type(_) => true,
        Value::Instance(_) => interp.lookup_special(&v, "__call__").is_some(),
        Value::Native(n) => n.as_type_name().is_some() || n.type_name().ends_with("function"),
        _ => false,
    };
    Ok(Value::Bool(r))
}

fn format(interp: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("format", 1, 2)?;
    let spec = match args.positional.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )))
        }
        None => String::new(),
    };
    Ok(Value::str(
        &interp.format_value(&args.positional[0], &spec)?,
    ))
}

fn input(interp: &mut Interp, args: Args) -> PyResult<Value> {
    if let Some(p) = args.positional.first() {
        let s = interp.to_str(p)?;
        interp.write_out(&s);
    }
    Err(PyErr::new("EOFError", "EOF when reading a line"))
}

fn open(_: &mut Interp, _: Args) -> PyResult<Value> {
    Err(PyErr::new(
        "OSError",
        "file access is not available in this sandbox",
    ))
}

fn vars(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let v = one_arg(&args, "vars")?;
    match interp.try_get_attr(&v, "__dict__")? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

fn dir(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    match args.positional.first() {
        None => names.extend(interp.global_order.borrow().iter().map(|k| k.to_string())),
        Some(Value::Instance(i)) => {
            names.extend(
                i.dict
                    .borrow()
                    .entries
                    .iter()
                    .filter_map(|(k, _)| k.as_str().map(String::from)),
            );
            names.extend(i.class.dict.borrow().keys().map(|k| k.to_string()));
        }
        Some(Value::Module(m)) => names.extend(m.attrs.borrow().keys().map(|k| k.to_string())),
        Some(Value::Class(c)) => names.extend(c.dict.borrow().keys().map(|k| k.to_string())),
        Some(_) => {}
    }
    names.sort_unstable();
    names.dedup();
    Ok(Value::list(names.iter().map(|s| Value::str(s)).collect()))
}

// ---- containers ----

/// A property: `(fget, fset)` with `None` for a missing accessor.
pub(crate) fn make_property(fget: Value, fset: Value) -> Value {
    Value::Property(Rc::new(Value::tuple(vec![fget, fset])))
}

/// The `(fget, fset)` of a property value.
pub(crate) fn property_parts(p: &Value) -> (Value, Value) {
    match p {
        Value::Tuple(t) if t.items.len() == 2 => (t.items[0].clone(), t.items[1].clone()),
        other => (other.clone(), Value::None),
    }
}

fn property_setter(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("setter", 2, 2)?;
    let Value::Property(p) = &args.positional[0] else {
        return Err(PyErr::type_error("setter() needs a property"));
    };
    let (fget, _) = property_parts(p);
    Ok(make_property(fget, args.positional[1].clone()))
}

fn property_getter(_: &mut Interp, args: Args) -> PyResult<Value> {
    args.count("getter", 2, 2)?;
    let Value::Property(p) = &args.positional[0] else {
        return Err(PyErr::type_error("getter() needs a property"));
    };
    let (_, fset) = property_parts(p);
    Ok(make_property(args.positional[1].clone(), fset))
}

/// Attributes of a property object (`fget`, `fset`, `setter`, `getter`).
pub(crate) fn property_attr(p: &Value, this: &Value, name: &str) -> Option<Value> {
    let (fget, fset) = property_parts(p);
    let method = |n: &'static str, f: BuiltinImpl| {
        Value::BoundMethod(Rc::new(BoundMethod {
            func: builtin_fn(n, f),
            this: this.clone(),
        }))
    };
    match name {
        "fget" => Some(fget),
        "fset" => Some(fset),
        "setter" => Some(method("setter", property_setter)),
        "getter" => Some(method("getter", property_getter)),
        _ => None,
    }
}

pub(crate) fn make_set(interp: &mut Interp, items: Vec<Value>) -> PyResult<Value> {
    let mut d = DictData::default();
    for v in items {
        let hk = interp.hash_key(&v)?;
        d.insert(hk, v, Value::None);
    }
    Ok(Value::Set(Rc::new(SetObj {
        data: RefCell::new(d),
    })))
}

pub(crate) fn dict_copy(d: &DictObj) -> Value {
    let mut nd = DictData::default();
    for (hk, k, v) in d.data.borrow().keyed_entries() {
        nd.insert(hk, k, v);
    }
    Value::Dict(Rc::new(DictObj {
        data: RefCell::new(nd),
    }))
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` of two sets (their elements' keys reused).
pub(crate) fn set_op(a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    let (Value::Set(x), Value::Set(y)) = (a, b) else {
        return Err(PyErr::type_error("set operation on non-sets"));
    };
    let (xs, ys) = (x.data.borrow(), y.data.borrow());
    let (xk, yk) = (xs.keyed_entries(), ys.keyed_entries());
    let mut out = DictData::default();
    let mut keep = |from: Vec<(HashKey, Value, Value)>, other: &DictData, inside: Option<bool>| {
        for (hk, k, _) in from {
            if inside.is_none_or(|i| other.index.contains_key(&hk) == i) {
                out.insert(hk, k, Value::None);
            }
        }
    };
    match op {
        BinOp::BitOr => {
            keep(xk, &ys, None);
            keep(yk, &xs, None);
        }
        BinOp::BitAnd => keep(xk, &ys, Some(true)),
        BinOp::Sub => keep(xk, &ys, Some(false)),
        _ => {
            keep(xk, &ys, Some(false));
            keep(yk, &xs, Some(false));
        }
    }
    Ok(Value::Set(Rc::new(SetObj {
        data: RefCell::new(out),
    })))
}

#[cfg(test)]
mod int_tests {
    use super::{big_from_f64, mod_pow};
    use num_bigint::BigInt;

    #[test]
    fn big_from_f64_matches_bigint() {
        use num_traits::FromPrimitive;
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut cases = vec![
            0.0,
            -0.0,
            1.5,
            -1.5,
            9.0e18,
            -9.0e18,
            1e19,
            -1e19,
            2f64.powi(63),
        ];
        cases.extend([
            f64::MAX,
            f64::MIN,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
        ]);
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.push(f64::from_bits(x));
        }
        for f in cases {
            let want = BigInt::from_f64(f.trunc()).unwrap_or_default();
            assert_eq!(big_from_f64(f), want, "{f:e}");
        }
    }

    #[test]
    fn matches_bigint_modpow() {
        let xs = [-1000i64, -7, -3, -1, 0, 1, 2, 3, 10, 12345, 1 << 40];
        let ys = [0i64, 1, 2, 3, 5, 64, 100, 12345];
        let zs = [-1000i64, -7, -5, -1, 1, 2, 5, 7, 97, 1 << 35];
        for &x in &xs {
            for &y in &ys {
                for &z in &zs {
                    let (bx, by, bz) = (BigInt::from(x), BigInt::from(y), BigInt::from(z));
                    assert_eq!(mod_pow(&bx, &by, &bz), bx.modpow(&by, &bz), "{x} {y} {z}");
                }
            }
        }
        let big = BigInt::from(3).pow(200u32) - 11;
        let m = BigInt::from(7).pow(90u32) + 4;
        assert_eq!(mod_pow(&big, &big, &m), big.modpow(&big, &m));
        assert_eq!(mod_pow(&-&big, &big, &-&m), (-&big).modpow(&big, &-&m));
    }
}
