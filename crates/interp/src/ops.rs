//! Operators: arithmetic with Python's int/float semantics (i64 promoting to big ints),
//! sequence operators, comparisons and equality.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;

/// A numeric view of a value.
#[derive(Clone)]
pub(crate) enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

pub(crate) fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(*b as i64)),
        Value::Int(i) => Some(Num::Int(*i)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

pub(crate) fn to_big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => b.clone(),
        Num::Float(f) => BigInt::from(*f as i64),
    }
}

pub(crate) fn num_to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Float(f) => Ok(*f),
        Num::Big(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(PyErr::overflow_error("int too large to convert to float"))
            } else {
                Ok(f)
            }
        }
    }
}

fn big_bits(b: &BigInt) -> u64 {
    b.bits()
}

/// Python's float `divmod` (sign of the result follows the divisor).
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

impl Interp {
    fn int_op(&self, a: &Num, b: &Num, op: BinOp) -> PyResult<Value> {
        if let (Num::Int(x), Num::Int(y)) = (a, b) {
            let (x, y) = (*x, *y);
            let fast = match op {
                BinOp::Add => x.checked_add(y),
                BinOp::Sub => x.checked_sub(y),
                BinOp::Mult => x.checked_mul(y),
                BinOp::FloorDiv if y != 0 => {
                    if x == i64::MIN && y == -1 {
                        None
                    } else {
                        Some(Integer::div_floor(&x, &y))
                    }
                }
                BinOp::Mod if y != 0 => {
                    if y == -1 {
                        Some(0)
                    } else {
                        Some(Integer::mod_floor(&x, &y))
                    }
                }
                BinOp::BitAnd => Some(x & y),
                BinOp::BitOr => Some(x | y),
                BinOp::BitXor => Some(x ^ y),
                BinOp::Pow if y >= 0 => u32::try_from(y).ok().and_then(|e| x.checked_pow(e)),
                BinOp::LShift if (0..63).contains(&y) => {
                    let r = x.checked_shl(y as u32);
                    r.filter(|r| (r >> y) == x)
                }
                BinOp::RShift if y >= 0 => Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                }),
                _ => None,
            };
            if let Some(r) = fast {
                return Ok(Value::Int(r));
            }
        }
        let (x, y) = (to_big(a), to_big(b));
        let max_bits = (self.limits.max_memory as u64).saturating_mul(8);
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => {
                if big_bits(&x) + big_bits(&y) > max_bits {
                    return Err(PyErr::memory_error(""));
                }
                x * y
            }
            BinOp::Div => {
                if y.is_zero() {
                    return Err(PyErr::zero_division("division by zero"));
                }
                return Ok(Value::Float(big_true_div(&x, &y)?));
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(PyErr::zero_division("integer division or modulo by zero"));
                }
                x.div_floor(&y)
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(PyErr::zero_division("integer modulo by zero"));
                }
                x.mod_floor(&y)
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let xf = num_to_f64(a)?;
                    let yf = num_to_f64(b)?;
                    if xf == 0.0 {
                        return Err(PyErr::zero_division(
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return Ok(Value::Float(xf.powf(yf)));
                }
                let e = y.to_u64().unwrap_or(u64::MAX);
                if x.is_zero() || x == BigInt::from(1) {
                    return Ok(Value::from_bigint(x));
                }
                if x == BigInt::from(-1) {
                    return Ok(Value::Int(if e % 2 == 0 { 1 } else { -1 }));
                }
                if big_bits(&x).saturating_mul(e) > max_bits || e > u32::MAX as u64 {
                    return Err(PyErr::memory_error(""));
                }
                num_traits::pow::Pow::pow(&x, e as u32)
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(PyErr::value_error("negative shift count"));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if x.is_zero() {
                    return Ok(Value::Int(0));
                }
                if big_bits(&x).saturating_add(s) > max_bits {
                    return Err(PyErr::memory_error(""));
                }
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(PyErr::value_error("negative shift count"));
                }
                let s = y.to_u64().unwrap_or(u64::MAX);
                if s > big_bits(&x) {
                    return Ok(Value::Int(if x.is_negative() { -1 } else { 0 }));
                }
                x >> s
            }
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::MatMult => return Err(unsupported(op, "int", "int")),
        };
        Ok(Value::from_bigint(r))
    }

    fn float_op(&self, a: f64, b: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::Div => {
                if b == 0.0 {
                    return Err(PyErr::zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(PyErr::zero_division("float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(PyErr::zero_division("float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(PyErr::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    return Err(PyErr::value_error(
                        "complex results are not supported by this interpreter",
                    ));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(PyErr::overflow_error(
                        "(34, 'Numerical result out of range')",
                    ));
                }
                r
            }
            _ => return Err(unsupported(op, "float", "float")),
        };
        Ok(Value::Float(r))
    }

    /// `a <op> b`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return match (&x, &y) {
                (Num::Float(_), _) | (_, Num::Float(_)) => {
                    if matches!(
                        op,
                        BinOp::BitAnd
                            | BinOp::BitOr
                            | BinOp::BitXor
                            | BinOp::LShift
                            | BinOp::RShift
                            | BinOp::MatMult
                    ) {
                        return Err(unsupported(op, &a.type_name(), &b.type_name()));
                    }
                    self.float_op(num_to_f64(&x)?, num_to_f64(&y)?, op)
                }
                _ => {
                    if op == BinOp::Div {
                        if let (Num::Int(p), Num::Int(q)) = (&x, &y) {
                            if *q == 0 {
                                return Err(PyErr::zero_division("division by zero"));
                            }
                            if p.unsigned_abs() < (1 << 53) && q.unsigned_abs() < (1 << 53) {
                                return Ok(Value::Float(*p as f64 / *q as f64));
                            }
                        }
                    }
                    if op == BinOp::MatMult {
                        return Err(unsupported(op, &a.type_name(), &b.type_name()));
                    }
                    let r = self.int_op(&x, &y, op)?;
                    // bool & bool stays bool
                    if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                        match op {
                            BinOp::BitAnd => return Ok(Value::Bool(*p & *q)),
                            BinOp::BitOr => return Ok(Value::Bool(*p | *q)),
                            BinOp::BitXor => return Ok(Value::Bool(*p ^ *q)),
                            _ => {}
                        }
                    }
                    Ok(r)
                }
            };
        }
        // Natives (tensors) get the first chance, either side.
        if let Value::Native(n) = a {
            if let Some(r) = n.binary_op(op, b, false, self)? {
                return Ok(r);
            }
        }
        if let Value::Native(n) = b {
            if let Some(r) = n.binary_op(op, a, true, self)? {
                return Ok(r);
            }
        }
        match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOp::Add) => {
                self.check_alloc((x.len() + y.len()) as u128)?;
                return Ok(Value::str(&format!("{x}{y}")));
            }
            (Value::Str(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    b.type_name()
                )))
            }
            (Value::List(x), Value::List(y), BinOp::Add) => {
                let mut v = x.items.borrow().clone();
                v.extend(y.items.borrow().iter().cloned());
                self.check_alloc(v.len() as u128 * 8)?;
                return Ok(Value::list(v));
            }
            (Value::List(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    b.type_name()
                )))
            }
            (Value::Tuple(x), Value::Tuple(y), BinOp::Add) => {
                let mut v = x.items.clone();
                v.extend(y.items.iter().cloned());
                return Ok(Value::tuple(v));
            }
            (Value::Tuple(_), _, BinOp::Add) => {
                return Err(PyErr::type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    b.type_name()
                )))
            }
            (Value::Str(_) | Value::List(_) | Value::Tuple(_), _, BinOp::Mult) => {
                return self.repeat(a, b)
            }
            (_, Value::Str(_) | Value::List(_) | Value::Tuple(_), BinOp::Mult) => {
                return self.repeat(b, a)
            }
            (Value::Str(fmt), _, BinOp::Mod) => {
                return crate::builtins::strings::percent_format(self, fmt, b)
                    .map(|s| Value::str(&s))
            }
            (Value::Dict(x), Value::Dict(y), BinOp::BitOr) => {
                let d = crate::builtins::python::dict_copy(x);
                if let Value::Dict(nd) = &d {
                    let entries = y.data.borrow().keyed_entries();
                    for (hk, k, v) in entries {
                        nd.data.borrow_mut().insert(hk, k, v);
                    }
                }
                return Ok(d);
            }
            (
                Value::Set(_),
                Value::Set(_),
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            ) => return crate::builtins::python::set_op(a, b, op),
            _ => {}
        }
        // User classes: __op__ then __rop__.
        if matches!(a, Value::Instance(_)) {
            if let Some(m) = self.lookup_special(a, &format!("__{}__", op.dunder())) {
                let r = self.call(&m, Args::positional(vec![b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if matches!(b, Value::Instance(_)) {
            if let Some(m) = self.lookup_special(b, &format!("__r{}__", op.dunder())) {
                let r = self.call(&m, Args::positional(vec![a.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        Err(unsupported(op, &a.type_name(), &b.type_name()))
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let count = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(b) => {
                if b.is_negative() {
                    0
                } else {
                    return Err(PyErr::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    n.type_name()
                )))
            }
        };
        let count = count.max(0) as u128;
        match seq {
            Value::Str(s) => {
                self.check_alloc(s.len() as u128 * count)?;
                Ok(Value::str(&s.repeat(count as usize)))
            }
            Value::List(l) => {
                let items = l.items.borrow();
                self.check_alloc(items.len() as u128 * count * 16)?;
                let mut v = Vec::with_capacity(items.len() * count as usize);
                for _ in 0..count {
                    v.extend(items.iter().cloned());
                }
                Ok(Value::list(v))
            }
            Value::Tuple(t) => {
                self.check_alloc(t.items.len() as u128 * count * 16)?;
                let mut v = Vec::with_capacity(t.items.len() * count as usize);
                for _ in 0..count {
                    v.extend(t.items.iter().cloned());
                }
                Ok(Value::tuple(v))
            }
            _ => Err(PyErr::type_error("can't multiply sequence")),
        }
    }

    /// `a <op>= b`: lists extend in place, natives may update in place.
    pub fn inplace_op(&mut self, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
        match (a, op) {
            (Value::List(l), BinOp::Add) => {
                let items = self.collect(b)?;
                l.items.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (Value::Native(n), _) => {
                if let Some(r) = n.inplace_op(op, b, self)? {
                    return Ok(r);
                }
            }
            (Value::Instance(_), _) => {
                if let Some(m) = self.lookup_special(a, &format!("__i{}__", op.dunder())) {
                    let r = self.call(&m, Args::positional(vec![b.clone()]))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(a, b, op).map_err(|mut e| {
            if e.message.starts_with("unsupported operand type(s) for ") {
                let sym = op.symbol();
                e.message = e
                    .message
                    .replacen(&format!("for {sym}:"), &format!("for {sym}=:"), 1);
                if op == BinOp::Pow {
                    e.message = e.message.replacen("for ** or pow():", "for **=:", 1);
                }
            }
            e
        })
    }

    pub fn unary_op(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        match (op, as_num(v)) {
            (UnaryOp::USub, Some(Num::Int(i))) => Ok(match i.checked_neg() {
                Some(r) => Value::Int(r),
                None => Value::from_bigint(-BigInt::from(i)),
            }),
            (UnaryOp::USub, Some(Num::Big(b))) => Ok(Value::from_bigint(-b)),
            (UnaryOp::USub, Some(Num::Float(f))) => Ok(Value::Float(-f)),
            (UnaryOp::UAdd, Some(Num::Float(f))) => Ok(Value::Float(f)),
            (UnaryOp::UAdd, Some(n)) => Ok(Value::from_bigint(to_big(&n))),
            (UnaryOp::Invert, Some(Num::Int(i))) => Ok(Value::Int(!i)),
            (UnaryOp::Invert, Some(Num::Big(b))) => Ok(Value::from_bigint(-b - 1)),
            _ => {
                if let Value::Native(n) = v {
                    if let Some(r) = n.unary_op(op, self)? {
                        return Ok(r);
                    }
                }
                let dunder = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                if let Some(m) = self.lookup_special(v, dunder) {
                    return self.call(&m, Args::default());
                }
                let sym = match op {
                    UnaryOp::USub => "-",
                    UnaryOp::UAdd => "+",
                    _ => "~",
                };
                Err(PyErr::type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    v.type_name()
                )))
            }
        }
    }

    /// Rich comparison `a <op> b`.
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if let Value::Native(n) = a {
            if let Some(r) = n.compare(op, b, self)? {
                return Ok(r);
            }
        }
        if let Value::Native(n) = b {
            let swapped = match op {
                CmpOp::Lt => CmpOp::Gt,
                CmpOp::Gt => CmpOp::Lt,
                CmpOp::LtE => CmpOp::GtE,
                CmpOp::GtE => CmpOp::LtE,
                o => o,
            };
            if let Some(r) = n.compare(swapped, a, self)? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(self.eq(a, b)?)),
            CmpOp::NotEq => Ok(Value::Bool(!self.eq(a, b)?)),
            _ => {
                if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                    let name = match op {
                        CmpOp::Lt => ("__lt__", "__gt__"),
                        CmpOp::LtE => ("__le__", "__ge__"),
                        CmpOp::Gt => ("__gt__", "__lt__"),
                        _ => ("__ge__", "__le__"),
                    };
                    if let Some(m) = self.lookup_special(a, name.0) {
                        let r = self.call(&m, Args::positional(vec![b.clone()]))?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                    if let Some(m) = self.lookup_special(b, name.1) {
                        let r = self.call(&m, Args::positional(vec![a.clone()]))?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
                let ord = self.order(a, b, op)?;
                Ok(Value::Bool(match (op, ord) {
                    (_, None) => false,
                    (CmpOp::Lt, Some(o)) => o == Ordering::Less,
                    (CmpOp::LtE, Some(o)) => o != Ordering::Greater,
                    (CmpOp::Gt, Some(o)) => o == Ordering::Greater,
                    (_, Some(o)) => o != Ordering::Less,
                }))
            }
        }
    }

    /// Ordering for `<` etc.; `None` for unordered floats (NaN).
    pub(crate) fn order(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Ordering>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return Ok(num_cmp(&x, &y));
        }
        self.enter_cmp()?;
        let r = self.order_inner(a, b, op);
        self.cmp_depth -= 1;
        r
    }

    fn order_inner(&mut self, a: &Value, b: &Value, op: CmpOp) -> PyResult<Option<Ordering>> {
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.items.borrow().clone(), y.items.borrow().clone());
                self.seq_order(&x, &y, op)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.items.clone(), y.items.clone());
                self.seq_order(&x, &y, op)
            }
            // Subset order: `None` for sets neither of which contains the other.
            (Value::Set(x), Value::Set(y)) => {
                let (xd, yd) = (x.data.borrow(), y.data.borrow());
                let sub = xd.index.keys().all(|k| yd.index.contains_key(k));
                let sup = yd.index.keys().all(|k| xd.index.contains_key(k));
                Ok(match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => None,
                })
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    fn seq_order(&mut self, x: &[Value], y: &[Value], op: CmpOp) -> PyResult<Option<Ordering>> {
        for (p, q) in x.iter().zip(y) {
            if !self.eq(p, q)? {
                return self.order(p, q, op);
            }
        }
        Ok(Some(x.len().cmp(&y.len())))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return Ok(num_cmp(&x, &y) == Some(Ordering::Equal));
        }
        self.enter_cmp()?;
        let r = self.eq_inner(a, b);
        self.cmp_depth -= 1;
        r
    }

    /// Guards recursion through nested containers in comparisons.
    fn enter_cmp(&mut self) -> PyResult<()> {
        if self.cmp_depth >= self.limits.recursion_limit.max(1) {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded in comparison",
            ));
        }
        self.cmp_depth += 1;
        Ok(())
    }

    fn eq_inner(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::None, Value::None) => Ok(true),
            (Value::Str(x), Value::Str(y)) => Ok(x == y),
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.items.borrow().clone(), y.items.borrow().clone());
                self.seq_eq(&x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.items.clone(), y.items.clone());
                self.seq_eq(&x, &y)
            }
            (Value::Dict(x), Value::Dict(y)) => {
                let xe = x.data.borrow().keyed_entries();
                if xe.len() != y.data.borrow().len() {
                    return Ok(false);
                }
                for (hk, _, v) in xe {
                    let other = y.data.borrow().get(&hk).cloned();
                    match other {
                        Some(w) if self.eq(&v, &w)? => {}
                        _ => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                let xd = x.data.borrow();
                let yd = y.data.borrow();
                Ok(xd.len() == yd.len() && xd.index.keys().all(|k| yd.index.contains_key(k)))
            }
            (Value::Range(x), Value::Range(y)) => Ok(x.len() == y.len()
                && (x.len() == 0 || (x.start == y.start && (x.len() == 1 || x.step == y.step)))),
            (Value::Type(x), Value::Type(y)) => Ok(x == y),
            (Value::Native(n), _) | (_, Value::Native(n)) => {
                let (other, this_left) = if matches!(a, Value::Native(_)) {
                    (b, true)
                } else {
                    (a, false)
                };
                let _ = this_left;
                match n.compare(CmpOp::Eq, other, self)? {
                    Some(r) => self.truthy(&r),
                    None => Ok(a.is(b)),
                }
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => {
                for (x, y) in [(a, b), (b, a)] {
                    if matches!(x, Value::Instance(_)) {
                        if let Some(m) = self.lookup_special(x, "__eq__") {
                            let r = self.call(&m, Args::positional(vec![y.clone()]))?;
                            if !matches!(r, Value::NotImplemented) {
                                return self.truthy(&r);
                            }
                        }
                    }
                }
                Ok(a.is(b))
            }
            _ => Ok(a.is(b)),
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !p.is(q) && !self.eq(p, q)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Dict(d) => {
                let k = self.hash_key(item)?;
                Ok(d.data.borrow().index.contains_key(&k))
            }
            Value::Set(d) => {
                let k = self.hash_key(item)?;
                Ok(d.data.borrow().index.contains_key(&k))
            }
            Value::Range(r) => match as_num(item) {
                Some(Num::Int(i)) => {
                    if r.step > 0 {
                        Ok(i >= r.start
                            && i < r.stop
                            && (i as i128 - r.start as i128) % r.step as i128 == 0)
                    } else {
                        Ok(i <= r.start
                            && i > r.stop
                            && (r.start as i128 - i as i128) % (-(r.step as i128)) == 0)
                    }
                }
                _ => Ok(false),
            },
            Value::Instance(_) if self.lookup_special(container, "__contains__").is_some() => {
                let m = self
                    .lookup_special(container, "__contains__")
                    .unwrap_or(Value::None);
                let r = self.call(&m, Args::positional(vec![item.clone()]))?;
                self.truthy(&r)
            }
            _ => {
                if !self.is_iterable(container) {
                    return Err(PyErr::type_error(format!(
                        "argument of type '{}' is not iterable",
                        container.type_name()
                    )));
                }
                let items = self.collect(container)?;
                for x in items {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

pub(crate) fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Float(a), other) | (other, Num::Float(a)) => {
            let flip = matches!(x, Num::Float(_));
            if a.is_nan() {
                return None;
            }
            let o = if a.is_infinite() {
                if *a > 0.0 {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            } else {
                // Compare exactly: floor of the float as a big int, then the fraction.
                let fl = a.floor();
                let fb = BigInt::from(fl as i128);
                let ob = to_big(other);
                match fb.cmp(&ob) {
                    Ordering::Equal if *a > fl => Ordering::Greater,
                    o => o,
                }
            };
            Some(if flip { o } else { o.reverse() })
        }
        _ => Some(to_big(x).cmp(&to_big(y))),
    }
}

fn big_true_div(x: &BigInt, y: &BigInt) -> PyResult<f64> {
    let q = x.to_f64().unwrap_or(f64::INFINITY) / y.to_f64().unwrap_or(f64::INFINITY);
    if q.is_nan() || q.is_infinite() {
        // Scale down both when they are too large for floats.
        let shift = x.bits().max(y.bits()).saturating_sub(1000);
        let xs = x >> shift;
        let ys = y >> shift;
        let r = xs.to_f64().unwrap_or(0.0) / ys.to_f64().unwrap_or(1.0);
        if r.is_infinite() || r.is_nan() {
            return Err(PyErr::overflow_error(
                "integer division result too large for a float",
            ));
        }
        return Ok(r);
    }
    Ok(q)
}

pub(crate) fn unsupported(op: BinOp, a: &str, b: &str) -> PyErr {
    let sym = if op == BinOp::Pow {
        "** or pow()"
    } else {
        op.symbol()
    };
    PyErr::type_error(format!(
        "unsupported operand type(s) for {sym}: '{a}' and '{b}'"
    ))
}
