//! `str` methods, `str.format` and `%`-formatting.

use super::python::to_index;
use crate::casemap;
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::format;
use crate::ops::{as_num, num_to_f64, to_big, Num};
use crate::value::*;

pub(crate) const METHODS: &[(&str, BuiltinImpl)] = &[
    ("upper", upper),
    ("lower", lower),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("replace", replace),
    ("startswith", startswith),
    ("endswith", endswith),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("format", format_method),
    ("isdigit", isdigit),
    ("isnumeric", isnumeric),
    ("isdecimal", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("zfill", zfill),
    ("partition", partition),
    ("rpartition", rpartition),
];

fn recv(args: &mut Args, method: &str) -> PyResult<String> {
    if args.positional.is_empty() {
        return Err(PyErr::type_error(format!(
            "unbound method str.{method}() needs an argument"
        )));
    }
    match args.positional.remove(0) {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(PyErr::type_error(format!(
            "descriptor '{method}' for 'str' objects doesn't apply to a '{}' object",
            other.type_name()
        ))),
    }
}

/// A `str` argument; `what` is CPython's message up to the type found ("must be str").
/// The receiver of a method that takes no arguments (`str.upper()`), checking that none came.
fn recv0(args: &mut Args, method: &str) -> PyResult<String> {
    let x = recv(args, method)?;
    args.count(&format!("str.{method}"), 0, 0)?;
    Ok(x)
}

fn str_arg(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(PyErr::type_error(format!(
            "{what}, not {}",
            other.type_name()
        ))),
    }
}

/// The optional `start, end` arguments of find/count/startswith at `i`: the slice
/// `x[start:end]` and its first character's index; `None` when `start > end`, where CPython
/// finds nothing, not even `''`.
fn bounds<'a>(x: &'a str, a: &Args, i: usize) -> PyResult<Option<(&'a str, i64)>> {
    let n = x.chars().count() as i64;
    let arg = |k: usize, default: i64| match a.positional.get(k) {
        None | Some(Value::None) => Ok(default),
        Some(v) => to_index(v).map(|j| if j < 0 { (j + n).max(0) } else { j }),
    };
    let (start, end) = (arg(i, 0)?, arg(i + 1, n)?.min(n));
    if start > end {
        return Ok(None);
    }
    let byte = |c: i64| x.char_indices().nth(c as usize).map_or(x.len(), |(b, _)| b);
    Ok(Some((&x[byte(start)..byte(end)], start)))
}

fn s(v: String) -> PyResult<Value> {
    Ok(Value::str(&v))
}

fn upper(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    s(casemap::upper(&recv0(&mut a, "upper")?))
}

fn lower(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    s(casemap::lower(&recv0(&mut a, "lower")?))
}

fn strip_impl(mut a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    let chars = match a.positional.first() {
        None | Some(Value::None) => None,
        Some(Value::Str(c)) => Some(c.to_string()),
        Some(_) => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_whitespace(),
    };
    let mut r: &str = &x;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    s(r.to_string())
}

fn strip(_: &mut Interp, a: Args) -> PyResult<Value> {
    strip_impl(a, "strip", true, true)
}

fn lstrip(_: &mut Interp, a: Args) -> PyResult<Value> {
    strip_impl(a, "lstrip", true, false)
}

fn rstrip(_: &mut Interp, a: Args) -> PyResult<Value> {
    strip_impl(a, "rstrip", false, true)
}

fn split_impl(mut a: Args, name: &str, from_right: bool) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    let sep = a.take_kw("sep");
    let maxsplit = a.take_kw("maxsplit");
    a.no_kwargs(name)?;
    let sep = match sep.or_else(|| a.positional.first().cloned()) {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(&v, "must be str or None")?),
    };
    let max = match maxsplit.or_else(|| a.positional.get(1).cloned()) {
        None => -1,
        Some(v) => to_index(&v)?,
    };
    let parts: Vec<String> = match sep {
        Some(sep) => {
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if max < 0 {
                x.split(sep.as_str()).map(String::from).collect()
            } else if from_right {
                let mut v: Vec<String> = x
                    .rsplitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            } else {
                x.splitn(max as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            }
        }
        None => {
            let words: Vec<&str> = x.split_whitespace().collect();
            if max < 0 || (max as usize) >= words.len() {
                words.into_iter().map(String::from).collect()
            } else if !from_right {
                // Split `max` times from the left; the rest keeps its inner whitespace.
                let mut out = Vec::new();
                let mut rest = x.trim_start();
                for _ in 0..max {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_string());
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out = Vec::new();
                let mut rest = x.trim_end();
                for _ in 0..max {
                    let start = rest.rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                    out.push(rest[start..].to_string());
                    rest = rest[..start].trim_end();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            }
        }
    };
    Ok(Value::list(parts.iter().map(|p| Value::str(p)).collect()))
}

fn split(_: &mut Interp, a: Args) -> PyResult<Value> {
    split_impl(a, "split", false)
}

fn rsplit(_: &mut Interp, a: Args) -> PyResult<Value> {
    split_impl(a, "rsplit", true)
}

fn splitlines(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv(&mut a, "splitlines")?;
    let keep = a
        .take_kw("keepends")
        .or_else(|| a.positional.first().cloned());
    let keep = match keep {
        Some(v) => interp.truthy(&v)?,
        None => false,
    };
    // CPython's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    let mut out = Vec::new();
    let mut rest = x.as_str();
    while let Some(i) = rest.find(is_break) {
        let c = rest[i..].chars().next().unwrap_or('\n');
        let end = i + c.len_utf8() + usize::from(rest[i..].starts_with("\r\n"));
        out.push(Value::str(&rest[..if keep { end } else { i }]));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        out.push(Value::str(rest));
    }
    Ok(Value::list(out))
}

fn join(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let sep = recv(&mut a, "join")?;
    a.count("str.join", 1, 1)?;
    let items = interp.collect(&a.positional[0])?;
    let mut parts = Vec::with_capacity(items.len());
    let mut total = 0usize;
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Str(p) => {
                total += p.len() + sep.len();
                parts.push(p.to_string());
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )))
            }
        }
    }
    interp.check_alloc(total as u128)?;
    s(parts.join(&sep))
}

fn replace(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv(&mut a, "replace")?;
    a.count("replace", 2, 3)?;
    let old = str_arg(&a.positional[0], "replace() argument 1 must be str")?;
    let new = str_arg(&a.positional[1], "replace() argument 2 must be str")?;
    let n = match a.positional.get(2) {
        Some(v) => to_index(v)?,
        None => -1,
    };
    let est = if old.is_empty() {
        (x.len() + 1) as u128 * new.len() as u128
    } else {
        (x.len() / old.len() + 1) as u128 * new.len() as u128
    };
    interp.check_alloc(est + x.len() as u128)?;
    if n < 0 {
        s(x.replace(&old, &new))
    } else {
        s(x.replacen(&old, &new, n as usize))
    }
}

fn prefix_check(mut a: Args, name: &str, start: bool) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    a.count(name, 1, 3)?;
    let cands: Vec<String> = match &a.positional[0] {
        Value::Str(p) => vec![p.to_string()],
        Value::Tuple(t) => t
            .items
            .iter()
            .map(|v| str_arg(v, &format!("tuple for {name} must only contain str")))
            .collect::<PyResult<_>>()?,
        other => {
            return Err(PyErr::type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                other.type_name()
            )))
        }
    };
    let Some((x, _)) = bounds(&x, &a, 1)? else {
        return Ok(Value::Bool(false));
    };
    let r = cands.iter().any(|c| {
        if start {
            x.starts_with(c.as_str())
        } else {
            x.ends_with(c.as_str())
        }
    });
    Ok(Value::Bool(r))
}

fn startswith(_: &mut Interp, a: Args) -> PyResult<Value> {
    prefix_check(a, "startswith", true)
}

fn endswith(_: &mut Interp, a: Args) -> PyResult<Value> {
    prefix_check(a, "endswith", false)
}

fn char_index(x: &str, byte: usize) -> i64 {
    x[..byte].chars().count() as i64
}

/// find/rfind/index/rindex: the character index of `sub` in `x[start:end]`.
fn find_impl(mut a: Args, name: &str, right: bool) -> PyResult<Option<i64>> {
    let x = recv(&mut a, name)?;
    a.count(name, 1, 3)?;
    let sub = str_arg(&a.positional[0], "must be str")?;
    let Some((x, start)) = bounds(&x, &a, 1)? else {
        return Ok(None);
    };
    let found = if right { x.rfind(&sub) } else { x.find(&sub) };
    Ok(found.map(|b| start + char_index(x, b)))
}

fn find(_: &mut Interp, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "find", false)?.unwrap_or(-1)))
}

fn rfind(_: &mut Interp, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(a, "rfind", true)?.unwrap_or(-1)))
}

fn index(_: &mut Interp, a: Args) -> PyResult<Value> {
    find_impl(a, "index", false)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn rindex(_: &mut Interp, a: Args) -> PyResult<Value> {
    find_impl(a, "rindex", true)?
        .map(Value::Int)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

fn count(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv(&mut a, "count")?;
    a.count("count", 1, 3)?;
    let sub = str_arg(&a.positional[0], "must be str")?;
    let Some((x, _)) = bounds(&x, &a, 1)? else {
        return Ok(Value::Int(0));
    };
    if sub.is_empty() {
        return Ok(Value::Int(x.chars().count() as i64 + 1));
    }
    Ok(Value::Int(x.matches(&sub).count() as i64))
}

fn affix_impl(mut a: Args, name: &str, prefix: bool) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    a.count(name, 1, 1)?;
    let affix = str_arg(&a.positional[0], &format!("{name}() argument must be str"))?;
    let r = if prefix {
        x.strip_prefix(affix.as_str())
    } else {
        x.strip_suffix(affix.as_str())
    };
    s(r.unwrap_or(&x).to_string())
}

fn removeprefix(_: &mut Interp, a: Args) -> PyResult<Value> {
    affix_impl(a, "removeprefix", true)
}

fn removesuffix(_: &mut Interp, a: Args) -> PyResult<Value> {
    affix_impl(a, "removesuffix", false)
}

fn pred(mut a: Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let x = recv0(&mut a, name)?;
    Ok(Value::Bool(!x.is_empty() && f(&x)))
}

fn isdigit(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isdigit", |x| x.chars().all(|c| c.is_ascii_digit()))
}

fn isnumeric(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isnumeric", |x| x.chars().all(char::is_numeric))
}

fn isalpha(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isalpha", |x| x.chars().all(char::is_alphabetic))
}

fn isalnum(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isalnum", |x| x.chars().all(char::is_alphanumeric))
}

fn isspace(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isspace", |x| x.chars().all(char::is_whitespace))
}

fn isupper(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isupper", |x| {
        x.chars().any(char::is_uppercase) && !x.chars().any(char::is_lowercase)
    })
}

fn islower(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "islower", |x| {
        x.chars().any(char::is_lowercase) && !x.chars().any(char::is_uppercase)
    })
}

/// `str.istitle()`: some cased character, uppercase ones only after uncased ones and
/// lowercase ones only after cased ones.
fn istitle(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "istitle", |x| {
        let (mut prev_cased, mut any) = (false, false);
        for c in x.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                (prev_cased, any) = (true, true);
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                (prev_cased, any) = (true, true);
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn isidentifier(_: &mut Interp, a: Args) -> PyResult<Value> {
    pred(a, "isidentifier", |x| {
        let mut cs = x.chars();
        cs.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric())
    })
}

fn title(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv0(&mut a, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in x.chars() {
        if prev_cased {
            casemap::push_lower(&mut out, c);
        } else {
            casemap::push_upper(&mut out, c);
        }
        prev_cased = c.is_alphabetic();
    }
    s(out)
}

fn capitalize(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv0(&mut a, "capitalize")?;
    let mut cs = x.chars();
    let out = match cs.next() {
        Some(c) => {
            let mut out = String::new();
            casemap::push_upper(&mut out, c);
            out + &casemap::lower(cs.as_str())
        }
        None => String::new(),
    };
    s(out)
}

fn swapcase(_: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv0(&mut a, "swapcase")?;
    let mut out = String::with_capacity(x.len());
    for c in x.chars() {
        if c.is_uppercase() {
            casemap::push_lower(&mut out, c);
        } else {
            casemap::push_upper(&mut out, c);
        }
    }
    s(out)
}

fn justify(interp: &mut Interp, mut a: Args, name: &str, align: char) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    a.count(name, 1, 2)?;
    let width = to_index(&a.positional[0])?.max(0) as usize;
    interp.check_alloc(width as u128)?;
    let fill = match a.positional.get(1) {
        Some(v) => {
            let f = str_arg(v, "The fill character must be a unicode character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(PyErr::type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        None => ' ',
    };
    let len = x.chars().count();
    if len >= width {
        return s(x);
    }
    let n = width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    s(match align {
        '<' => format!("{x}{}", f(n)),
        '>' => format!("{}{x}", f(n)),
        _ => {
            // CPython's center: left = n/2 + (n & width & 1)
            let left = n / 2 + (n & width & 1);
            format!("{}{x}{}", f(left), f(n - left))
        }
    })
}

fn center(interp: &mut Interp, a: Args) -> PyResult<Value> {
    justify(interp, a, "center", '^')
}

fn ljust(interp: &mut Interp, a: Args) -> PyResult<Value> {
    justify(interp, a, "ljust", '<')
}

fn rjust(interp: &mut Interp, a: Args) -> PyResult<Value> {
    justify(interp, a, "rjust", '>')
}

fn zfill(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let x = recv(&mut a, "zfill")?;
    a.count("zfill", 1, 1)?;
    let width = to_index(&a.positional[0])?.max(0) as usize;
    interp.check_alloc(width as u128)?;
    let len = x.chars().count();
    if len >= width {
        return s(x);
    }
    let (sign, rest) = if x.starts_with(['+', '-']) {
        x.split_at(1)
    } else {
        ("", x.as_str())
    };
    s(format!("{sign}{}{rest}", "0".repeat(width - len)))
}

fn partition_impl(mut a: Args, name: &str, right: bool) -> PyResult<Value> {
    let x = recv(&mut a, name)?;
    a.count(name, 1, 1)?;
    let sep = str_arg(&a.positional[0], "must be str")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if right { x.rfind(&sep) } else { x.find(&sep) };
    let parts = match found {
        Some(i) => (
            x[..i].to_string(),
            sep.clone(),
            x[i + sep.len()..].to_string(),
        ),
        None if right => (String::new(), String::new(), x.clone()),
        None => (x.clone(), String::new(), String::new()),
    };
    Ok(Value::tuple(vec![
        Value::str(&parts.0),
        Value::str(&parts.1),
        Value::str(&parts.2),
    ]))
}

fn partition(_: &mut Interp, a: Args) -> PyResult<Value> {
    partition_impl(a, "partition", false)
}

fn rpartition(_: &mut Interp, a: Args) -> PyResult<Value> {
    partition_impl(a, "rpartition", true)
}

/// `str.format(*args, **kwargs)`.
fn format_method(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let fmt = recv(&mut a, "format")?;
    s(format_fields(interp, &fmt, &a, &mut 0, &mut None)?)
}

/// Replaces the fields of `fmt`. Nested fields in a spec (`{:{}}`) continue the outer automatic
/// numbering (`auto`); `manual` records whether fields are numbered by hand, as mixing fails.
fn format_fields(
    interp: &mut Interp,
    fmt: &str,
    a: &Args,
    auto: &mut usize,
    manual: &mut Option<bool>,
) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            i += 2;
            continue;
        }
        if c == '}' {
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut depth = 0;
        let mut j = start;
        while j < chars.len() {
            match chars[j] {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(PyErr::value_error(
                "Single '{' encountered in format string",
            ));
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        let (name_conv, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field.clone(), String::new()),
        };
        let (name, conv) = match name_conv.find('!') {
            Some(p) => (
                name_conv[..p].to_string(),
                name_conv[p + 1..].chars().next(),
            ),
            None => (name_conv, None),
        };
        let (base, rest) = match name.find(['.', '[']) {
            Some(p) => (name[..p].to_string(), name[p..].to_string()),
            None => (name.clone(), String::new()),
        };
        let numbered = base.is_empty() || base.parse::<usize>().is_ok();
        if numbered && *manual.get_or_insert(!base.is_empty()) == base.is_empty() {
            return Err(PyErr::value_error(if base.is_empty() {
                "cannot switch from manual field specification to automatic field numbering"
            } else {
                "cannot switch from automatic field numbering to manual field specification"
            }));
        }
        let mut v = if base.is_empty() {
            let v = a.positional.get(*auto).cloned().ok_or_else(|| {
                PyErr::index_error(format!(
                    "Replacement index {auto} out of range for positional args tuple"
                ))
            })?;
            *auto += 1;
            v
        } else if let Ok(n) = base.parse::<usize>() {
            a.positional.get(n).cloned().ok_or_else(|| {
                PyErr::index_error(format!(
                    "Replacement index {n} out of range for positional args tuple"
                ))
            })?
        } else {
            a.kwargs
                .iter()
                .find(|(k, _)| **k == *base)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::new("KeyError", format::str_repr(&base)))?
        };
        // Attribute / index access.
        let mut r = rest.as_str();
        while !r.is_empty() {
            if let Some(rr) = r.strip_prefix('.') {
                let end = rr.find(['.', '[']).unwrap_or(rr.len());
                v = interp.get_attr(&v, &rr[..end])?;
                r = &rr[end..];
            } else if let Some(rr) = r.strip_prefix('[') {
                let end = rr.find(']').unwrap_or(rr.len());
                let key = &rr[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                v = interp.get_item(&v, &k)?;
                r = rr.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') => Value::str(&interp.repr(&v)?),
            Some('a') => Value::str(&format::ascii_escape(&interp.repr(&v)?)),
            Some('s') => Value::str(&interp.to_str(&v)?),
            _ => v,
        };
        // Nested fields in the spec, e.g. {:{width}}, after the field's own.
        let spec = if spec.contains('{') {
            format_fields(interp, &spec, a, auto, manual)?
        } else {
            spec
        };
        out.push_str(&interp.format_value(&v, &spec)?);
    }
    Ok(out)
}

/// `fmt % values` (printf-style formatting).
pub(crate) fn percent_format(interp: &mut Interp, fmt: &str, values: &Value) -> PyResult<String> {
    let (args, mapping) = match values {
        Value::Tuple(t) => (t.items.clone(), None),
        Value::Dict(_) => (vec![values.clone()], Some(values.clone())),
        other => (vec![other.clone()], None),
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut ai = 0;
    let mut i = 0;
    let next_arg = |ai: &mut usize| -> PyResult<Value> {
        let v = args
            .get(*ai)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *ai += 1;
        Ok(v)
    };
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key_val = None;
        if chars.get(i) == Some(&'(') {
            let end = chars[i..].iter().position(|c| *c == ')').map(|p| p + i);
            let Some(end) = end else {
                return Err(PyErr::value_error("incomplete format key"));
            };
            let key: String = chars[i + 1..end].iter().collect();
            i = end + 1;
            let m = mapping
                .clone()
                .ok_or_else(|| PyErr::type_error("format requires a mapping"))?;
            key_val = Some(interp.get_item(&m, &Value::str(&key))?);
        }
        let mut flags = String::new();
        while let Some(&c) = chars.get(i) {
            if "-+ #0".contains(c) {
                flags.push(c);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = String::new();
        while let Some(&c) = chars.get(i) {
            if c.is_ascii_digit() {
                width.push(c);
                i += 1;
            } else if c == '*' {
                let w = next_arg(&mut ai)?;
                width = to_index(&w)?.to_string();
                i += 1;
            } else {
                break;
            }
        }
        let mut precision = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            while let Some(&c) = chars.get(i) {
                if c.is_ascii_digit() {
                    p.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            precision = Some(p.parse::<usize>().unwrap_or(0));
        }
        let Some(&conv) = chars.get(i) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match key_val.take() {
            Some(v) => v,
            None => next_arg(&mut ai)?,
        };
        let mut spec = String::new();
        if flags.contains('-') {
            spec.push('<');
        } else if matches!(conv, 's' | 'r' | 'a' | 'c') {
            spec.push('>');
        } else if flags.contains('0') {
            spec.push('0');
            spec.push('=');
        }
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        // Rebuild a format() spec. Zero flag handled via fill '0' + '=' alignment.
        let spec = if let Some(rest) = spec.strip_prefix("0=") {
            format!("0={rest}{width}")
        } else {
            format!("{spec}{width}")
        };
        let piece = match conv {
            's' => {
                let t = interp.to_str(&v)?;
                let t = match precision {
                    Some(p) => t.chars().take(p).collect(),
                    None => t,
                };
                format::format_str(&t, &format::parse_spec(&spec.replace('=', ""))?)?
            }
            'r' | 'a' => {
                let mut t = interp.repr(&v)?;
                if conv == 'a' {
                    t = format::ascii_escape(&t);
                }
                format::format_str(&t, &format::parse_spec(&spec.replace('=', ""))?)?
            }
            'd' | 'i' | 'u' => {
                let n = num_arg(interp, &v, conv)?;
                let b = match n {
                    Num::Float(f) => to_big(&Num::Float(f.trunc())),
                    other => to_big(&other),
                };
                format::format_int(&b, &format::parse_spec(&spec)?)?
            }
            'x' | 'X' | 'o' => {
                let n = num_arg(interp, &v, conv)?;
                if let Num::Float(_) = n {
                    return Err(PyErr::type_error(format!(
                        "%{conv} format: an integer is required, not float"
                    )));
                }
                format::format_int(&to_big(&n), &format::parse_spec(&format!("{spec}{conv}"))?)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let n = num_arg(interp, &v, conv)?;
                let x = num_to_f64(&n)?;
                let p = precision.unwrap_or(6);
                format::format_float(x, &format::parse_spec(&format!("{spec}.{p}{conv}"))?)?
            }
            'c' => match &v {
                Value::Str(s) => s.to_string(),
                other => {
                    let i = to_index(other)?;
                    char::from_u32(i as u32)
                        .map(String::from)
                        .unwrap_or_default()
                }
            },
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if ai < args.len() && mapping.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn num_arg(interp: &mut Interp, v: &Value, conv: char) -> PyResult<Num> {
    if let Some(n) = as_num(v) {
        return Ok(n);
    }
    if let Value::Native(n) = v {
        let n = n.clone();
        if let Some(x) = n.to_scalar(interp)? {
            return Ok(Num::Float(x));
        }
    }
    Err(PyErr::type_error(format!(
        "%{conv} format: a real number is required, not {}",
        v.type_name()
    )))
}
