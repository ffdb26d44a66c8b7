//! `repr()`, `str()` and `format()` of values, with cycle and depth guards.

use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::format;
use crate::iter::IterState;
use crate::objects::big_to_string;
use crate::ops::{as_num, to_big, Num};
use crate::value::*;

/// Maximum nesting depth of `repr` before RecursionError.
const MAX_REPR_DEPTH: usize = 500;

impl Interp {
    // ---- repr / str ----

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => big_to_string(b)?,
            Value::Float(f) => format::float_repr(*f),
            Value::Str(s) => format::str_repr(s),
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.container_repr(v, &items, "[", "]")?
            }
            Value::Tuple(t)
                if t.class.is_some() && self.lookup_special(v, "__repr__").is_some() =>
            {
                let m = self.lookup_special(v, "__repr__").unwrap_or(Value::None);
                match self.call(&m, Args::default())? {
                    Value::Str(s) => s.to_string(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        )))
                    }
                }
            }
            Value::Tuple(t) => {
                if t.items.len() == 1 {
                    let items = t.items.clone();
                    let inner = self.container_repr(v, &items, "(", "")?;
                    format!("{inner},)")
                } else {
                    let items = t.items.clone();
                    self.container_repr(v, &items, "(", ")")?
                }
            }
            Value::Dict(d) => {
                let id = v.id();
                if self.repr_stack.contains(&id) {
                    return Ok("{...}".into());
                }
                self.enter_repr(id)?;
                let entries = d.data.borrow().entries.clone();
                let mut parts = Vec::with_capacity(entries.len());
                let r = (|| -> PyResult<()> {
                    for (k, val) in &entries {
                        parts.push(format!("{}: {}", self.repr(k)?, self.repr(val)?));
                    }
                    Ok(())
                })();
                self.repr_stack.pop();
                r?;
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(d) => {
                let keys: Vec<Value> = d.ordered();
                if keys.is_empty() {
                    "set()".into()
                } else {
                    self.container_repr(v, &keys, "{", "}")?
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname, v.id()),
            Value::Builtin(b) => match (&b.this, b.owner) {
                (Some(this), _) => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    b.name,
                    this.type_name(),
                    this.id()
                ),
                (None, Some(owner)) => format!("<method '{}' of '{owner}' objects>", b.name),
                (None, None) => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.clone(),
                    other => other.type_name(),
                };
                format!("<bound method {fname} of {}>", self.repr(&m.this)?)
            }
            Value::Type(t) => format!("<class '{}'>", t.name()),
            Value::Class(c) => {
                if c.builtin || crate::objects::class_module(c) == "builtins" {
                    format!("<class '{}'>", c.name)
                } else {
                    format!(
                        "<class '{}.{}'>",
                        crate::objects::class_module(c),
                        crate::objects::class_qualname(c)
                    )
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = self.lookup_special(v, "__repr__") {
                    let id = v.id();
                    if self.repr_stack.contains(&id) && self.repr_stack.len() > MAX_REPR_DEPTH {
                        return Err(PyErr::recursion_error(
                            "maximum recursion depth exceeded while getting the repr of an object",
                        ));
                    }
                    let r = self.call(&m, Args::default())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if inst.class.is_exception {
                    let args = crate::builtins::exc_args(v);
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        let t = Value::tuple(args);
                        let s = self.repr(&t)?;
                        s[1..s.len() - 1].trim_end_matches(',').to_string()
                    };
                    return Ok(format!("{}({inner})", inst.class.name));
                }
                if let Some(n) = inst.native.borrow().clone() {
                    if let Some(s) = crate::builtins::torch::native_instance_repr(self, &n, v)? {
                        return Ok(s);
                    }
                }
                let module = crate::objects::class_module(&inst.class);
                let q = crate::objects::class_qualname(&inst.class);
                if module == "builtins" {
                    format!("<{q} object at {:#x}>", v.id())
                } else {
                    format!("<{module}.{q} object at {:#x}>", v.id())
                }
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Iterator(it) => match &*it.borrow() {
                IterState::Gen(_) => format!("<generator object <genexpr> at {:#x}>", v.id()),
                IterState::FnGen(Some(g)) => {
                    format!("<generator object {} at {:#x}>", g.func.qualname, v.id())
                }
                st => format!("<{} object at {:#x}>", st.type_name(), v.id()),
            },
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.0.name,
                s.1.type_name()
            ),
            Value::Property(_) => format!("<property object at {:#x}>", v.id()),
            Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
            Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.id()),
            Value::Native(n) => {
                let n = n.clone();
                n.repr(self)?
            }
        })
    }

    pub(crate) fn enter_repr(&mut self, id: usize) -> PyResult<()> {
        if self.repr_stack.len() >= MAX_REPR_DEPTH {
            return Err(PyErr::recursion_error(
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_stack.push(id);
        Ok(())
    }

    pub(crate) fn container_repr(
        &mut self,
        v: &Value,
        items: &[Value],
        open: &str,
        close: &str,
    ) -> PyResult<String> {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return Ok(format!(
                "{open}...{}",
                if close.is_empty() { ")" } else { close }
            ));
        }
        self.enter_repr(id)?;
        let mut parts = Vec::with_capacity(items.len());
        let mut res = Ok(());
        for x in items {
            match self.repr(x) {
                Ok(s) => parts.push(s),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        res?;
        Ok(format!("{open}{}{close}", parts.join(", ")))
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Native(n) => {
                let n = n.clone();
                n.str(self)
            }
            Value::Tuple(t) if t.class.is_some() => match self.lookup_special(v, "__str__") {
                Some(m) => match self.call(&m, Args::default())? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(PyErr::type_error(format!(
                        "__str__ returned non-string (type {})",
                        other.type_name()
                    ))),
                },
                None => self.repr(v),
            },
            Value::Instance(inst) => {
                if let Some(m) = self.lookup_special(v, "__str__") {
                    let r = self.call(&m, Args::default())?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if inst.class.is_exception {
                    let args = crate::builtins::exc_args(v);
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 => {
                            if crate::eval::is_subclass(&inst.class, &self.exc_class("KeyError")) {
                                self.repr(&args[0])
                            } else {
                                self.to_str(&args[0])
                            }
                        }
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Native(n) = v {
            if let Some(item) = n.format_as()? {
                return self.format_value(&item, spec);
            }
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        match v {
            Value::Str(s) => format::format_str(s, &format::parse_spec(spec)?),
            Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
                let n = to_big(&as_num(v).unwrap_or(Num::Int(0)));
                format::format_int(&n, &format::parse_spec(spec)?)
            }
            Value::Float(f) => format::format_float(*f, &format::parse_spec(spec)?),
            Value::Instance(_) if self.lookup_special(v, "__format__").is_some() => {
                let m = self.lookup_special(v, "__format__").unwrap_or(Value::None);
                let r = self.call(&m, Args::positional(vec![Value::str(spec)]))?;
                self.to_str(&r)
            }
            _ => Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ))),
        }
    }
}
