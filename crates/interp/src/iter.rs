//! Iterators: lazy where Python is lazy (`range`, `enumerate`, `zip`, `map`, `filter`).

use crate::error::PyResult;
use crate::eval::{Args, Interp};
use crate::value::{DictObj, ListObj, RangeObj, Value};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// A suspended generator expression: one iterator per active `for` clause.
pub struct GenState {
    pub elt: Rc<crate::ast::Expr>,
    pub gens: Rc<Vec<crate::ast::Comprehension>>,
    pub env: Option<Rc<crate::eval::Env>>,
    pub iters: Vec<Value>,
}

pub enum IterState {
    Gen(Box<GenState>),
    /// A generator function's call; `None` while it runs (re-entry is an error).
    FnGen(Option<Box<crate::generator::FnGen>>),
    List {
        list: Rc<ListObj>,
        idx: usize,
    },
    Items {
        items: VecDeque<Value>,
        name: &'static str,
    },
    /// A dict's keys, values or items (`kind`: "dict_keys", "dict_values", "dict_items"),
    /// read live, so that changing the dict's size meanwhile raises as in CPython.
    Dict {
        dict: Rc<DictObj>,
        kind: &'static str,
        idx: usize,
        len: usize,
    },
    Range {
        range: Rc<RangeObj>,
        idx: i64,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        /// `zip(..., strict=True)`: unequal lengths raise ValueError.
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
}

impl IterState {
    /// Moves out the values this iterator owns (for iterative dropping).
    pub(crate) fn take_values(&mut self) -> Vec<Value> {
        let none = || Value::None;
        match self {
            IterState::List { list, .. } => {
                vec![Value::List(std::mem::replace(
                    list,
                    ListObj::new(Vec::new()),
                ))]
            }
            IterState::Items { items, .. } => std::mem::take(items).into(),
            IterState::Range { .. } => Vec::new(),
            IterState::Dict { dict, .. } => vec![Value::Dict(std::mem::replace(
                dict,
                Rc::new(DictObj {
                    data: Default::default(),
                }),
            ))],
            IterState::Gen(g) => std::mem::take(&mut g.iters),
            IterState::FnGen(g) => g.as_mut().map(|g| g.take_values()).unwrap_or_default(),
            IterState::Enumerate { inner, count } => vec![
                std::mem::replace(inner, none()),
                std::mem::replace(count, none()),
            ],
            IterState::Zip { inners, .. } => std::mem::take(inners),
            IterState::Map { func, inners } => {
                let mut v = std::mem::take(inners);
                v.push(std::mem::replace(func, none()));
                v
            }
            IterState::Filter { func, inner } => vec![
                std::mem::replace(func, none()),
                std::mem::replace(inner, none()),
            ],
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::List { .. } => "list_iterator",
            IterState::Gen(_) => "generator",
            IterState::FnGen(_) => "generator",
            IterState::Items { name, .. } => name,
            IterState::Range { .. } => "range_iterator",
            IterState::Dict {
                kind: "dict_values",
                ..
            } => "dict_valueiterator",
            IterState::Dict {
                kind: "dict_items", ..
            } => "dict_itemiterator",
            IterState::Dict { .. } => "dict_keyiterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
        }
    }
}

pub fn make(state: IterState) -> Value {
    Value::Iterator(Rc::new(RefCell::new(state)))
}

/// Iterates over a dict's keys, values or items (`kind` as in `IterState::Dict`).
pub fn over_dict(dict: &Rc<DictObj>, kind: &'static str) -> Value {
    make(IterState::Dict {
        dict: dict.clone(),
        kind,
        idx: 0,
        len: dict.data.borrow().len(),
    })
}

pub fn from_items(items: Vec<Value>, name: &'static str) -> Value {
    make(IterState::Items {
        items: items.into(),
        name,
    })
}

impl Drop for IterState {
    fn drop(&mut self) {
        let vals = self.take_values();
        if !vals.is_empty() {
            crate::value::drain_values(vals);
        }
    }
}

/// Advances an iterator value. `Ok(None)` when exhausted.
pub fn next(interp: &mut Interp, it: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    interp.tick()?;
    if interp.iter_depth >= interp.limits.recursion_limit.max(1) {
        return Err(crate::error::PyErr::recursion_error(
            "maximum recursion depth exceeded",
        ));
    }
    interp.iter_depth += 1;
    let r = next_inner(interp, it);
    interp.iter_depth -= 1;
    r
}

fn next_inner(interp: &mut Interp, it: &Rc<RefCell<IterState>>) -> PyResult<Option<Value>> {
    // Simple states are advanced under the borrow; states that call back into Python
    // release it first.
    enum Action {
        Done(Option<Value>),
        Gen(Box<GenState>),
        FnGen(Option<Box<crate::generator::FnGen>>),
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
    }
    let action = {
        let mut st = it.borrow_mut();
        match &mut *st {
            IterState::List { list, idx } => {
                let items = list.items.borrow();
                let v = items.get(*idx).cloned();
                if v.is_some() {
                    *idx += 1;
                }
                Action::Done(v)
            }
            IterState::Items { items, .. } => Action::Done(items.pop_front()),
            IterState::Dict {
                dict,
                kind,
                idx,
                len,
            } => {
                let d = dict.data.borrow();
                if d.len() != *len {
                    return Err(crate::error::PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let v = d.entries.get(*idx).map(|(k, v)| match *kind {
                    "dict_keys" => k.clone(),
                    "dict_values" => v.clone(),
                    _ => Value::tuple(vec![k.clone(), v.clone()]),
                });
                *idx += 1;
                Action::Done(v)
            }
            IterState::FnGen(g) => Action::FnGen(g.take()),
            IterState::Gen(g) => Action::Gen(Box::new(GenState {
                elt: g.elt.clone(),
                gens: g.gens.clone(),
                env: g.env.clone(),
                iters: std::mem::take(&mut g.iters),
            })),
            IterState::Range { range, idx } => {
                if *idx < range.len() {
                    let v = range.get(*idx);
                    *idx += 1;
                    Action::Done(Some(Value::Int(v)))
                } else {
                    Action::Done(None)
                }
            }
            IterState::Enumerate { inner, count } => {
                Action::Enumerate(inner.clone(), count.clone())
            }
            IterState::Zip { inners, strict } => Action::Zip(inners.clone(), *strict),
            IterState::Map { func, inners } => Action::Map(func.clone(), inners.clone()),
            IterState::Filter { func, inner } => Action::Filter(func.clone(), inner.clone()),
        }
    };
    match action {
        Action::Done(v) => Ok(v),
        Action::FnGen(None) => Err(crate::error::PyErr::value_error(
            "generator already executing",
        )),
        Action::FnGen(Some(mut g)) => {
            let r = interp.gen_resume(&mut g);
            if let IterState::FnGen(slot) = &mut *it.borrow_mut() {
                *slot = Some(g);
            }
            r
        }
        Action::Gen(mut g) => {
            let r = interp.gen_step(&mut g);
            if let IterState::Gen(slot) = &mut *it.borrow_mut() {
                slot.iters = if r.is_ok() {
                    std::mem::take(&mut g.iters)
                } else {
                    Vec::new()
                };
            }
            r
        }
        Action::Enumerate(inner, count) => {
            let Some(v) = next_value(interp, &inner)? else {
                return Ok(None);
            };
            let next_count = interp.binary_op(&count, &Value::Int(1), crate::ast::BinOp::Add)?;
            if let IterState::Enumerate { count: c, .. } = &mut *it.borrow_mut() {
                *c = next_count;
            }
            Ok(Some(Value::tuple(vec![count, v])))
        }
        Action::Zip(inners, strict) => {
            if inners.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(inners.len());
            for (k, i) in inners.iter().enumerate() {
                match next_value(interp, i)? {
                    Some(v) => out.push(v),
                    None if strict => return zip_strict_end(interp, &inners, k),
                    None => return Ok(None),
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        Action::Map(func, inners) => {
            let mut args = Vec::with_capacity(inners.len());
            for i in &inners {
                match next_value(interp, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            interp.call(&func, Args::positional(args)).map(Some)
        }
        Action::Filter(func, inner) => loop {
            let Some(v) = next_value(interp, &inner)? else {
                return Ok(None);
            };
            let keep = if matches!(func, Value::None) {
                interp.truthy(&v)?
            } else {
                let r = interp.call(&func, Args::positional(vec![v.clone()]))?;
                interp.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
    }
}

/// `zip(strict=True)` when argument `k` ran out: the error CPython raises if the arguments'
/// lengths differ, else the end.
fn zip_strict_end(interp: &mut Interp, inners: &[Value], k: usize) -> PyResult<Option<Value>> {
    let before = |j: usize| match j {
        1 => "argument 1".to_string(),
        _ => format!("arguments 1-{j}"),
    };
    if k > 0 {
        return Err(crate::error::PyErr::value_error(format!(
            "zip() argument {} is shorter than {}",
            k + 1,
            before(k)
        )));
    }
    for (j, rest) in inners.iter().enumerate().skip(1) {
        if next_value(interp, rest)?.is_some() {
            return Err(crate::error::PyErr::value_error(format!(
                "zip() argument {} is longer than {}",
                j + 1,
                before(j)
            )));
        }
    }
    Ok(None)
}

/// `next()` on any iterator value (must be a `Value::Iterator`).
pub fn next_value(interp: &mut Interp, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Iterator(it) => next(interp, it),
        other => {
            let it = interp.iter(other)?;
            next_value(interp, &it)
        }
    }
}
