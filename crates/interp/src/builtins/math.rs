//! The `math` module.

use super::builtin_fn;
use super::python::{float_to_int, to_f64, to_index};
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::ops::{as_num, to_big, Num};
use crate::value::*;
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

fn arg1(interp: &mut Interp, a: &Args, name: &str) -> PyResult<f64> {
    a.no_kwargs(name)?;
    if a.positional.len() != 1 {
        return Err(PyErr::type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.positional.len()
        )));
    }
    to_f64(interp, &a.positional[0])
}

fn checked(x: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() {
        return Err(PyErr::value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($fname:ident => $pyname:literal, $f:expr;)*) => {
        $(fn $fname(interp: &mut Interp, a: Args) -> PyResult<Value> {
            let x = arg1(interp, &a, $pyname)?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x))
        })*
    };
}

unary! {
    exp => "exp", f64::exp;
    expm1 => "expm1", f64::exp_m1;
    sin => "sin", f64::sin;
    cos => "cos", f64::cos;
    tan => "tan", f64::tan;
    asin => "asin", f64::asin;
    acos => "acos", f64::acos;
    atan => "atan", f64::atan;
    sinh => "sinh", f64::sinh;
    cosh => "cosh", f64::cosh;
    tanh => "tanh", f64::tanh;
    fabs => "fabs", f64::abs;
    log2 => "log2", f64::log2;
    log10 => "log10", f64::log10;
    log1p => "log1p", f64::ln_1p;
    degrees => "degrees", f64::to_degrees;
    radians => "radians", f64::to_radians;
    erf => "erf", erf_impl;
}

fn erf_impl(x: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 refined by a series for small |x|.
    if x.abs() < 2.0 {
        let mut sum = x;
        let mut term = x;
        let x2 = x * x;
        for n in 1..60 {
            term *= -x2 / n as f64;
            sum += term / (2 * n + 1) as f64;
        }
        return sum * 2.0 / std::f64::consts::PI.sqrt();
    }
    let t = 1.0 / (1.0 + 0.5 * x.abs());
    let tau = t
        * (-x * x - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if x >= 0.0 {
        1.0 - tau
    } else {
        tau - 1.0
    }
}

fn sqrt(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let x = arg1(interp, &a, "sqrt")?;
    if x < 0.0 {
        return Err(PyErr::value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn log(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("log", 1, 2)?;
    let lg = |interp: &mut Interp, v: &Value| -> PyResult<f64> {
        if let Value::BigInt(b) = v {
            if b.is_positive() {
                let bits = b.bits();
                let shift = bits.saturating_sub(60);
                let top = num_traits::ToPrimitive::to_f64(&(&**b >> shift)).unwrap_or(1.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = to_f64(interp, v)?;
        if x <= 0.0 {
            return Err(PyErr::value_error("math domain error"));
        }
        Ok(x.ln())
    };
    let x = lg(interp, &a.positional[0])?;
    match a.positional.get(1) {
        None => Ok(Value::Float(x)),
        Some(b) => {
            let base = lg(interp, b)?;
            if base == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(x / base))
        }
    }
}

fn rounding(interp: &mut Interp, a: Args, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    a.no_kwargs(name)?;
    a.count(name, 1, 1)?;
    let v = &a.positional[0];
    match as_num(v) {
        Some(Num::Float(x)) => {
            if x.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(PyErr::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            Ok(float_to_int(f(x)))
        }
        Some(n) => Ok(Value::from_bigint(to_big(&n))),
        None => {
            let x = to_f64(interp, v)?;
            Ok(float_to_int(f(x)))
        }
    }
}

fn floor(interp: &mut Interp, a: Args) -> PyResult<Value> {
    rounding(interp, a, "floor", f64::floor)
}

fn ceil(interp: &mut Interp, a: Args) -> PyResult<Value> {
    rounding(interp, a, "ceil", f64::ceil)
}

fn trunc(interp: &mut Interp, a: Args) -> PyResult<Value> {
    rounding(interp, a, "trunc", f64::trunc)
}

fn pow(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("pow", 2, 2)?;
    let x = to_f64(interp, &a.positional[0])?;
    let y = to_f64(interp, &a.positional[1])?;
    if x == 0.0 && y < 0.0 {
        return Err(PyErr::value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(PyErr::value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn atan2(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("atan2", 2, 2)?;
    let y = to_f64(interp, &a.positional[0])?;
    let x = to_f64(interp, &a.positional[1])?;
    Ok(Value::Float(y.atan2(x)))
}

fn hypot(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let mut s = 0.0f64;
    for v in &a.positional {
        let x = to_f64(interp, v)?;
        s = s.hypot(x);
    }
    Ok(Value::Float(s))
}

fn copysign(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("copysign", 2, 2)?;
    let x = to_f64(interp, &a.positional[0])?;
    let y = to_f64(interp, &a.positional[1])?;
    Ok(Value::Float(x.copysign(y)))
}

fn fmod(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("fmod", 2, 2)?;
    let x = to_f64(interp, &a.positional[0])?;
    let y = to_f64(interp, &a.positional[1])?;
    if y == 0.0 {
        return Err(PyErr::value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}

fn pred(interp: &mut Interp, a: Args, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let x = arg1(interp, &a, name)?;
    Ok(Value::Bool(f(x)))
}

fn isnan(interp: &mut Interp, a: Args) -> PyResult<Value> {
    pred(interp, a, "isnan", f64::is_nan)
}

fn isinf(interp: &mut Interp, a: Args) -> PyResult<Value> {
    pred(interp, a, "isinf", f64::is_infinite)
}

fn isfinite(interp: &mut Interp, a: Args) -> PyResult<Value> {
    pred(interp, a, "isfinite", f64::is_finite)
}

fn isclose(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let rel = a.take_kw("rel_tol");
    let abs = a.take_kw("abs_tol");
    a.count("isclose", 2, 2)?;
    let x = to_f64(interp, &a.positional[0])?;
    let y = to_f64(interp, &a.positional[1])?;
    let rel = match rel {
        Some(v) => to_f64(interp, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => to_f64(interp, &v)?,
        None => 0.0,
    };
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (x - y).abs();
    Ok(Value::Bool(
        d <= (rel * y.abs()).max(rel * x.abs()) || d <= abs,
    ))
}

fn int_arg(v: &Value, _name: &str) -> PyResult<BigInt> {
    match as_num(v) {
        Some(Num::Float(_)) | None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
        Some(n) => Ok(to_big(&n)),
    }
}

fn factorial(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("factorial", 1, 1)?;
    let n = int_arg(&a.positional[0], "factorial")?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = to_index(&Value::from_bigint(n))?;
    interp.check_alloc((n as u128) * 2)?;
    let mut r = BigInt::one();
    for i in 2..=n {
        if i % 1024 == 0 {
            interp.tick()?;
        }
        r *= i;
    }
    Ok(Value::from_bigint(r))
}

fn gcd(_: &mut Interp, a: Args) -> PyResult<Value> {
    let mut r = BigInt::zero();
    for v in &a.positional {
        let x = int_arg(v, "gcd")?;
        r = num_integer::Integer::gcd(&r, &x);
    }
    Ok(Value::from_bigint(r))
}

fn comb_perm(interp: &mut Interp, a: Args, comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    a.count(name, 1, 2)?;
    let n = to_index(&Value::from_bigint(int_arg(&a.positional[0], name)?))?;
    let k = match a.positional.get(1) {
        Some(v) => to_index(&Value::from_bigint(int_arg(v, name)?))?,
        None => n,
    };
    if n < 0 || k < 0 {
        return Err(PyErr::value_error(format!(
            "{} must be a non-negative integer",
            if n < 0 { "n" } else { "k" }
        )));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    interp.check_alloc(k as u128)?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= n - i;
        if comb {
            r /= i + 1;
        }
    }
    Ok(Value::from_bigint(r))
}

fn comb(interp: &mut Interp, a: Args) -> PyResult<Value> {
    comb_perm(interp, a, true)
}

fn perm(interp: &mut Interp, a: Args) -> PyResult<Value> {
    comb_perm(interp, a, false)
}

fn prod(interp: &mut Interp, mut a: Args) -> PyResult<Value> {
    let start = a.take_kw("start").unwrap_or(Value::Int(1));
    a.count("prod", 1, 1)?;
    let items = interp.collect(&a.positional[0])?;
    let mut acc = start;
    for x in items {
        acc = interp.binary_op(&acc, &x, crate::ast::BinOp::Mult)?;
    }
    Ok(acc)
}

fn fsum(interp: &mut Interp, a: Args) -> PyResult<Value> {
    a.count("fsum", 1, 1)?;
    let items = interp.collect(&a.positional[0])?;
    // Neumaier summation (close to Python's exact fsum for typical inputs).
    let (mut s, mut c) = (0.0f64, 0.0f64);
    for x in items {
        let x = to_f64(interp, &x)?;
        let t = s + x;
        if s.abs() >= x.abs() {
            c += (s - t) + x;
        } else {
            c += (x - t) + s;
        }
        s = t;
    }
    Ok(Value::Float(s + c))
}

fn modf(interp: &mut Interp, a: Args) -> PyResult<Value> {
    let x = arg1(interp, &a, "modf")?;
    let fr = x.fract();
    Ok(Value::tuple(vec![
        Value::Float(fr),
        Value::Float(x.trunc()),
    ]))
}

pub(crate) fn module() -> Value {
    let fns: &[(&'static str, BuiltinImpl)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("expm1", expm1),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("fabs", fabs),
        ("pow", pow),
        ("hypot", hypot),
        ("copysign", copysign),
        ("fmod", fmod),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("isclose", isclose),
        ("factorial", factorial),
        ("gcd", gcd),
        ("comb", comb),
        ("perm", perm),
        ("prod", prod),
        ("fsum", fsum),
        ("modf", modf),
        ("degrees", degrees),
        ("radians", radians),
        ("erf", erf),
    ];
    let mut attrs: Vec<(&str, Value)> = fns.iter().map(|(n, f)| (*n, builtin_fn(n, *f))).collect();
    attrs.push(("pi", Value::Float(std::f64::consts::PI)));
    attrs.push(("e", Value::Float(std::f64::consts::E)));
    attrs.push(("tau", Value::Float(std::f64::consts::TAU)));
    attrs.push(("inf", Value::Float(f64::INFINITY)));
    attrs.push(("nan", Value::Float(f64::NAN)));
    super::module("math", attrs)
}
