//! Builtin types called as constructors: `int(x)`, `float(s)`, `list(it)`, `dict(...)`,
//! `range(...)`, `type(x)`, `super()`, `property(...)` and the rest.

use super::python::*;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};

use crate::value::*;
use num_bigint::BigInt;
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) fn dict_from(interp: &mut Interp, mut args: Args) -> PyResult<Value> {
    let mut d = DictData::default();
    if args.positional.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            args.positional.len()
        )));
    }
    if let Some(src) = args.positional.first() {
        match src.dict_obj() {
            Some(s) => {
                for (hk, k, v) in s.data.borrow().keyed_entries() {
                    d.insert(hk, k, v);
                }
            }
            None if matches!(src, Value::Instance(_))
                && interp.try_get_attr(src, "keys")?.is_some() =>
            {
                // A mapping: its keys, then `src[key]` for each.
                let keys = interp.get_attr(src, "keys")?;
                let keys = interp.call(&keys, Args::default())?;
                for k in interp.collect(&keys)? {
                    let v = interp.get_item(src, &k)?;
                    d.insert(interp.hash_key(&k)?, k, v);
                }
            }
            None => {
                let items = interp.collect(src)?;
                for (i, item) in items.iter().enumerate() {
                    let pair = match item {
                        Value::Tuple(_) | Value::List(_) | Value::Str(_) => interp.collect(item)?,
                        _ => {
                            return Err(PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                        }
                    };
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    d.insert(interp.hash_key(&pair[0])?, pair[0].clone(), pair[1].clone());
                }
            }
        }
    }
    for (k, v) in std::mem::take(&mut args.kwargs) {
        d.insert(HashKey::Str(k.clone()), Value::Str(k), v);
    }
    Ok(Value::Dict(Rc::new(DictObj {
        data: RefCell::new(d),
    })))
}

/// Parses an int from a string as `int(s, base)` does.
pub(crate) fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (base, digits) = match (base, lower.get(..2)) {
        (16 | 0, Some("0x")) => (16, &t[2..]),
        (8 | 0, Some("0o")) => (8, &t[2..]),
        (2 | 0, Some("0b")) => (2, &t[2..]),
        (0, _) => (10, t),
        (b, _) => (b, t),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (neg, body) = match lower.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, lower.strip_prefix('+').unwrap_or(&lower).to_string()),
    };
    let v = match body.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if body.is_empty()
                || !body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'))
                || body.starts_with('_')
                || body.contains("__")
            {
                return None;
            }
            crate::floatparse::parse_f64(&body.replace('_', ""))?
        }
    };
    Some(if neg { -v } else { v })
}

/// Calling a builtin type: `int(x)`, `list(it)`, ...
pub(crate) fn construct(interp: &mut Interp, t: BuiltinType, mut args: Args) -> PyResult<Value> {
    let name = t.name();
    match t {
        BuiltinType::Int => {
            let base = args.take_kw("base");
            args.no_kwargs("int")?;
            args.count("int", 0, 2)?;
            let base = base.or_else(|| args.positional.get(1).cloned());
            let Some(x) = args.positional.first().cloned() else {
                return Ok(Value::Int(0));
            };
            if let Some(b) = base {
                let b = to_index(&b)?;
                if b != 0 && !(2..=36).contains(&b) {
                    return Err(PyErr::value_error(
                        "int() base must be >= 2 and <= 36, or 0",
                    ));
                }
                let Value::Str(s) = &x else {
                    return Err(PyErr::type_error(
                        "int() can't convert non-string with explicit base",
                    ));
                };
                return parse_int(s, b as u32)
                    .map(Value::from_bigint)
                    .ok_or_else(|| {
                        PyErr::value_error(format!(
                            "invalid literal for int() with base {b}: {}",
                            crate::format::str_repr(s)
                        ))
                    });
            }
            match &x {
                Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                Value::Float(f) => {
                    if f.is_nan() {
                        Err(PyErr::value_error("cannot convert float NaN to integer"))
                    } else if f.is_infinite() {
                        Err(PyErr::overflow_error("cannot convert float infinity to integer"))
                    } else {
                        Ok(float_to_int(f.trunc()))
                    }
                }
                Value::Str(s) => {
                    if s.trim().len() > 4300 {
                        return Err(PyErr::value_error("Exceeds the limit (4300 digits) for integer string conversion"));
                    }
                    parse_int(s, 10).map(Value::from_bigint).ok_or_else(|| {
                        PyErr::value_error(format!(
                            "invalid literal for int() with base 10: {}",
                            crate::format::str_repr(s)
                        ))
                    })
                }
                Value::Native(n) => {
                    let n = n.clone();
                    match n.to_scalar(interp)? {
                        Some(f) => Ok(float_to_int(f.trunc())),
                        None => Err(PyErr::type_error(format!(
                            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                            x.type_name()
                        ))),
                    }
                }
                Value::Instance(_) if interp.lookup_special(&x, "__int__").is_some() => {
                    let m = interp.lookup_special(&x, "__int__").unwrap_or(Value::None);
                    interp.call(&m, Args::default())
                }
                _ => Err(PyErr::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.type_name()
                ))),
            }
        }
        BuiltinType::Float => {
            args.no_kwargs("float")?;
            args.count("float", 0, 1)?;
            let Some(x) = args.positional.first().cloned() else {
                return Ok(Value::Float(0.0));
            };
            match &x {
                Value::Str(s) => parse_float(s).map(Value::Float).ok_or_else(|| {
                    PyErr::value_error(format!(
                        "could not convert string to float: {}",
                        crate::format::str_repr(s)
                    ))
                }),
                Value::Instance(_) if interp.lookup_special(&x, "__float__").is_some() => {
                    let m = interp
                        .lookup_special(&x, "__float__")
                        .unwrap_or(Value::None);
                    interp.call(&m, Args::default())
                }
                _ => match to_f64(interp, &x) {
                    Ok(f) => Ok(Value::Float(f)),
                    Err(e) if e.kind == "TypeError" => Err(PyErr::type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        x.type_name()
                    ))),
                    Err(e) => Err(e),
                },
            }
        }
        BuiltinType::Str => {
            args.no_kwargs("str")?;
            args.count("str", 0, 1)?;
            match args.positional.first() {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::str(&interp.to_str(v)?)),
            }
        }
        BuiltinType::Bool => {
            args.no_kwargs("bool")?;
            args.count("bool", 0, 1)?;
            match args.positional.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(interp.truthy(v)?)),
            }
        }
        BuiltinType::List => {
            args.no_kwargs("list")?;
            args.count("list", 0, 1)?;
            match args.positional.first() {
                None => Ok(Value::list(Vec::new())),
                Some(v) => {
                    let items = interp.collect(v)?;
                    Ok(Value::list(items))
                }
            }
        }
        BuiltinType::Tuple => {
            args.no_kwargs("tuple")?;
            args.count("tuple", 0, 1)?;
            match args.positional.first() {
                None => Ok(Value::tuple(Vec::new())),
                Some(Value::Tuple(t)) if t.class.is_none() => Ok(Value::Tuple(t.clone())),
                Some(v) => {
                    let items = interp.collect(v)?;
                    Ok(Value::tuple(items))
                }
            }
        }
        BuiltinType::Set => {
            args.no_kwargs("set")?;
            args.count("set", 0, 1)?;
            match args.positional.first() {
                None => make_set(interp, Vec::new()),
                Some(v) => {
                    let items = interp.collect(v)?;
                    make_set(interp, items)
                }
            }
        }
        BuiltinType::Dict => dict_from(interp, args),
        BuiltinType::Range => {
            args.no_kwargs("range")?;
            let n = args.positional.len();
            if n == 0 {
                return Err(PyErr::type_error(
                    "range expected at least 1 argument, got 0",
                ));
            }
            if n > 3 {
                return Err(PyErr::type_error(format!(
                    "range expected at most 3 arguments, got {n}"
                )));
            }
            let v: Vec<i64> = args
                .positional
                .iter()
                .map(to_index)
                .collect::<PyResult<_>>()?;
            let (start, stop, step) = match n {
                1 => (0, v[0], 1),
                2 => (v[0], v[1], 1),
                _ => (v[0], v[1], v[2]),
            };
            if step == 0 {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
        }
        BuiltinType::Slice => {
            args.count("slice", 1, 3)?;
            let p = &args.positional;
            let (start, stop, step) = match p.len() {
                1 => (Value::None, p[0].clone(), Value::None),
                2 => (p[0].clone(), p[1].clone(), Value::None),
                _ => (p[0].clone(), p[1].clone(), p[2].clone()),
            };
            Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
        }
        BuiltinType::Type => match args.positional.len() {
            1 => Ok(interp.type_of(&args.positional[0])),
            3 => {
                let name = match &args.positional[0] {
                    Value::Str(s) => s.clone(),
                    _ => return Err(PyErr::type_error("type.__new__() argument 1 must be str")),
                };
                let bases = interp.collect(&args.positional[1])?;
                let mut dict = crate::fxhash::HashMap::default();
                if let Value::Dict(d) = &args.positional[2] {
                    for (k, v) in d.data.borrow().entries.iter() {
                        if let Value::Str(s) = k {
                            dict.insert(s.clone(), v.clone());
                        }
                    }
                }
                Ok(Value::Class(super::new_class(interp, name, bases, dict)?))
            }
            _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
        },
        BuiltinType::Super => match args.positional.len() {
            0 => interp.current_super(),
            2 => match &args.positional[0] {
                Value::Class(c) => Ok(Value::Super(Rc::new((
                    c.clone(),
                    args.positional[1].clone(),
                )))),
                _ => Err(PyErr::type_error("super() argument 1 must be a type")),
            },
            _ => Err(PyErr::type_error("super() takes 0 or 2 arguments")),
        },
        BuiltinType::Property => {
            let fget = args.arg(0, "fget").unwrap_or(Value::None);
            let fset = args.arg(1, "fset").unwrap_or(Value::None);
            Ok(make_property(fget, fset))
        }
        BuiltinType::StaticMethod => {
            let v = one_arg(&args, "staticmethod")?;
            Ok(Value::StaticMethod(Rc::new(v)))
        }
        BuiltinType::ClassMethod => {
            let v = one_arg(&args, "classmethod")?;
            Ok(Value::ClassMethod(Rc::new(v)))
        }
        BuiltinType::Object => {
            args.count("object", 0, 0)?;
            let mut dict = crate::fxhash::HashMap::default();
            dict.insert(Rc::from("__module__"), Value::str("builtins"));
            let c = super::new_class(interp, Rc::from("object"), Vec::new(), dict)?;
            interp.call(&Value::Class(c), Args::default())
        }
        _ => Err(PyErr::type_error(format!(
            "cannot create '{name}' instances"
        ))),
    }
}
