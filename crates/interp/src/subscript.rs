//! Subscripts: `x[i]`, `x[a:b:c]`, item assignment and deletion, slice arithmetic.

use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::value::*;
use std::rc::Rc;

impl Interp {
    // ---- subscripts ----

    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let items = l.items.borrow();
                    let idx = slice_indices(self, s, items.len())?;
                    return Ok(Value::list(
                        idx.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let items = l.items.borrow();
                let i = seq_index(key, items.len(), "list")?;
                Ok(items[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = key {
                    let idx = slice_indices(self, s, t.items.len())?;
                    return Ok(Value::tuple(
                        idx.into_iter().map(|i| t.items[i].clone()).collect(),
                    ));
                }
                let i = seq_index(key, t.items.len(), "tuple")?;
                Ok(t.items[i].clone())
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                if let Value::Slice(sl) = key {
                    let idx = slice_indices(self, sl, chars.len())?;
                    return Ok(Value::str(
                        &idx.into_iter().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                let i = seq_index(key, chars.len(), "string")?;
                Ok(Value::str(&chars[i].to_string()))
            }
            Value::Range(r) => {
                if let Value::Slice(sl) = key {
                    let (start, stop, step) = slice_adjust(self, sl, r.len())?;
                    return Ok(Value::Range(Rc::new(RangeObj {
                        start: r.get(start),
                        stop: r.get(stop),
                        step: r.step.saturating_mul(step),
                    })));
                }
                let i = seq_index(key, r.len() as usize, "range object")?;
                Ok(Value::Int(r.get(i as i64)))
            }
            Value::Dict(d) => {
                let hk = self.hash_key(key)?;
                if let Some(v) = d.data.borrow().get(&hk) {
                    return Ok(v.clone());
                }
                Err(self.key_error(key))
            }
            Value::Native(n) => {
                let n = n.clone();
                match n.get_item(key, self)? {
                    Some(v) => Ok(v),
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not subscriptable",
                        obj.type_name()
                    ))),
                }
            }
            Value::Instance(_) => match self.lookup_special(obj, "__getitem__") {
                Some(m) => self.call(&m, Args::positional(vec![key.clone()])),
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    obj.type_name()
                ))),
            },
            Value::Type(t) => Ok(Value::Type(*t)),
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                obj.type_name()
            ))),
        }
    }

    pub(crate) fn key_error(&mut self, key: &Value) -> PyErr {
        let msg = self.repr(key).unwrap_or_default();
        let mut e = PyErr::new("KeyError", msg);
        e.args = Some(vec![key.clone()]);
        e
    }

    pub fn set_item(&mut self, obj: &Value, key: &Value, v: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let new_items = self.collect(&v)?;
                    let len = l.items.borrow().len();
                    let step_one = matches!(s.step, Value::None) || matches!(s.step, Value::Int(1));
                    if step_one {
                        let (start, stop) = simple_slice_bounds(self, s, len)?;
                        let mut items = l.items.borrow_mut();
                        let stop = stop.max(start);
                        items.splice(start..stop, new_items);
                        return Ok(());
                    }
                    let idx = slice_indices(self, s, len)?;
                    if idx.len() != new_items.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            idx.len()
                        )));
                    }
                    let mut items = l.items.borrow_mut();
                    for (i, x) in idx.into_iter().zip(new_items) {
                        items[i] = x;
                    }
                    return Ok(());
                }
                let mut items = l.items.borrow_mut();
                let len = items.len();
                let i = seq_index(key, len, "list assignment")?;
                items[i] = v;
                Ok(())
            }
            Value::Dict(d) => {
                let hk = self.hash_key(key)?;
                let len = d.data.borrow().len();
                if len > 0 && len.is_multiple_of(65536) {
                    // About 100 bytes per entry (key, value, index).
                    self.check_alloc(len as u128 * 100)?;
                }
                d.data.borrow_mut().insert(hk, key.clone(), v);
                Ok(())
            }
            Value::Native(n) => {
                let n = n.clone();
                if n.set_item(key, v, self)? {
                    Ok(())
                } else {
                    Err(PyErr::type_error(format!(
                        "'{}' object does not support item assignment",
                        obj.type_name()
                    )))
                }
            }
            Value::Instance(_) => match self.lookup_special(obj, "__setitem__") {
                Some(m) => self
                    .call(&m, Args::positional(vec![key.clone(), v]))
                    .map(|_| ()),
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    obj.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            ))),
        }
    }

    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.items.borrow().len();
                    let mut idx = slice_indices(self, s, len)?;
                    idx.sort_unstable();
                    let mut items = l.items.borrow_mut();
                    for i in idx.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                let mut items = l.items.borrow_mut();
                let len = items.len();
                let i = seq_index(key, len, "list assignment")?;
                items.remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let hk = self.hash_key(key)?;
                let removed = d.data.borrow_mut().remove(&hk);
                match removed {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(key)),
                }
            }
            Value::Instance(_) if self.lookup_special(obj, "__delitem__").is_some() => {
                let m = self
                    .lookup_special(obj, "__delitem__")
                    .unwrap_or(Value::None);
                self.call(&m, Args::positional(vec![key.clone()]))
                    .map(|_| ())
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            ))),
        }
    }
}

/// An integer index into a sequence of `len`, with negative indices and IndexError.
pub(crate) fn seq_index(key: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        _ => {
            let w = if what == "list assignment" {
                "list"
            } else {
                what
            };
            return Err(PyErr::type_error(if w == "string" {
                format!("string indices must be integers, not '{}'", key.type_name())
            } else {
                format!(
                    "{w} indices must be integers or slices, not {}",
                    key.type_name()
                )
            }));
        }
    };
    let len_i = len as i64;
    let j = if i < 0 { i + len_i } else { i };
    if j < 0 || j >= len_i {
        return Err(PyErr::index_error(format!("{what} index out of range")));
    }
    Ok(j as usize)
}

pub(crate) fn slice_part(interp: &mut Interp, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(b) => Ok(Some(if num_traits::Signed::is_negative(&**b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Value::Instance(_) => {
            let _ = interp;
            Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ))
        }
        _ => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// The indices selected by a slice over a sequence of `len`.
pub(crate) fn slice_indices(interp: &mut Interp, s: &SliceObj, len: usize) -> PyResult<Vec<usize>> {
    let step = slice_part(interp, &s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) => {
                let x = if x < 0 { x + len } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let start = adjust(slice_part(interp, &s.start)?, 0, 0, len);
        let stop = adjust(slice_part(interp, &s.stop)?, len, 0, len);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = adjust(slice_part(interp, &s.start)?, len - 1, -1, len - 1);
        let stop = adjust(slice_part(interp, &s.stop)?, -1, -1, len - 1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: (start, stop, step) for `len`.
pub(crate) fn slice_adjust(
    interp: &mut Interp,
    s: &SliceObj,
    len: i64,
) -> PyResult<(i64, i64, i64)> {
    let step = slice_part(interp, &s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lo_default, hi_default) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => {
                let x = x + len;
                if x < 0 {
                    if step < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x
                }
            }
            Some(x) if x >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(x) => x,
        }
    };
    let start = adjust(slice_part(interp, &s.start)?, lo_default);
    let stop = adjust(slice_part(interp, &s.stop)?, hi_default);
    Ok((start, stop, step))
}

pub(crate) fn simple_slice_bounds(
    interp: &mut Interp,
    s: &SliceObj,
    len: usize,
) -> PyResult<(usize, usize)> {
    let len_i = len as i64;
    let norm = |v: Option<i64>, d: i64| -> usize {
        let x = match v {
            None => d,
            Some(x) if x < 0 => (x + len_i).max(0),
            Some(x) => x.min(len_i),
        };
        x as usize
    };
    let start = norm(slice_part(interp, &s.start)?, 0);
    let stop = norm(slice_part(interp, &s.stop)?, len_i);
    Ok((start, stop))
}
