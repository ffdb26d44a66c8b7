//! The object protocol: attributes, subscripts, truth, iteration, `repr`/`str`, `format`.

use crate::error::{PyErr, PyResult};
use crate::eval::{Args, Interp};
use crate::iter::{self, IterState};
use crate::ops::{as_num, to_big, Num};
use crate::value::*;
use num_bigint::BigInt;
use std::rc::Rc;

impl Interp {
    // ---- classes ----

    /// Looks `name` up along a class's MRO.
    pub(crate) fn class_lookup(&self, c: &Rc<Class>, name: &str) -> Option<Value> {
        if let Some(v) = c.dict.borrow().get(name) {
            return Some(v.clone());
        }
        c.mro
            .iter()
            .find_map(|k| k.dict.borrow().get(name).cloned())
    }

    /// The result of an instance's own `__hash__` (its class defines one), CPython's way:
    /// an int, -1 made -2.
    pub(crate) fn user_hash(&mut self, v: &Value) -> PyResult<Option<i64>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        if i.native.borrow().is_some() {
            return Ok(None);
        }
        let f = match self.class_lookup(&i.class, "__hash__") {
            Some(f @ (Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_))) => f,
            _ => return Ok(None),
        };
        let h = match self.call(&bind(f, v), Args::default())? {
            Value::Int(h) => h,
            Value::Bool(b) => b as i64,
            Value::BigInt(b) => {
                // CPython reduces big ints modulo 2**61 - 1
                let m = num_bigint::BigInt::from((1i64 << 61) - 1);
                let r = ((&*b % &m) + &m) % &m;
                i64::try_from(r).unwrap_or(0)
            }
            _ => {
                return Err(PyErr::type_error(
                    "__hash__ method should return an integer",
                ))
            }
        };
        Ok(Some(if h == -1 { -2 } else { h }))
    }

    /// The dict / set key of `v`, honouring the `__hash__` and `__eq__` of user classes:
    /// such an instance joins the class of equal objects of the same hash seen before (their
    /// first `__eq__` that says so), or starts a new one.
    pub fn hash_key(&mut self, v: &Value) -> PyResult<HashKey> {
        match v {
            Value::Instance(i) => {
                let Some(h) = self.user_hash(v)? else {
                    return v.hash_key();
                };
                let mut live = Vec::new();
                if let Some(l) = self.user_keys.get_mut(&h) {
                    l.retain(|(w, _)| w.strong_count() > 0);
                    live.extend(l.iter().filter_map(|(w, n)| w.upgrade().map(|o| (o, *n))));
                }
                if let Some((_, n)) = live.iter().find(|(o, _)| Rc::ptr_eq(o, i)) {
                    return Ok(HashKey::User(h, *n));
                }
                let mut class = None;
                for (o, n) in live {
                    if self.eq(&Value::Instance(o), v)? {
                        class = Some(n);
                        break;
                    }
                }
                let n = class.unwrap_or_else(|| {
                    self.user_key_count += 1;
                    self.user_key_count
                });
                self.user_keys
                    .entry(h)
                    .or_default()
                    .push((Rc::downgrade(i), n));
                Ok(HashKey::User(h, n))
            }
            Value::Tuple(t)
                if t.items
                    .iter()
                    .any(|x| matches!(x, Value::Instance(_) | Value::Tuple(_))) =>
            {
                if self.cmp_depth > 1000 {
                    return v.hash_key();
                }
                self.cmp_depth += 1;
                let r = t
                    .items
                    .iter()
                    .map(|x| self.hash_key(x))
                    .collect::<PyResult<Vec<_>>>();
                self.cmp_depth -= 1;
                Ok(HashKey::Tuple(r?))
            }
            _ => v.hash_key(),
        }
    }

    /// A special method of an instance's class, bound to the instance.
    pub(crate) fn lookup_special(&self, v: &Value, name: &str) -> Option<Value> {
        let Value::Instance(i) = v else {
            if let Value::Tuple(t) = v {
                let c = t.class.as_ref()?;
                return self.class_lookup(c, name).map(|f| bind(f, v));
            }
            return None;
        };
        match self.class_lookup(&i.class, name) {
            Some(f) => Some(bind(f, v)),
            None => native_dict_method(v, name),
        }
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Value {
        match v {
            Value::Instance(i) => Value::Class(i.class.clone()),
            Value::Tuple(t) if t.class.is_some() => match &t.class {
                Some(c) => Value::Class(c.clone()),
                None => Value::Type(BuiltinType::Tuple),
            },
            Value::Iterator(it) => {
                let name = it.borrow().type_name();
                crate::builtins::torch::native_class(name, name)
            }
            Value::Native(n) => crate::builtins::torch::native_type(self, n.as_ref())
                .unwrap_or_else(|| Value::str(&n.type_name())),
            other => Value::Type(match other {
                Value::None => BuiltinType::NoneType,
                Value::Bool(_) => BuiltinType::Bool,
                Value::Int(_) | Value::BigInt(_) => BuiltinType::Int,
                Value::Float(_) => BuiltinType::Float,
                Value::Str(_) => BuiltinType::Str,
                Value::List(_) => BuiltinType::List,
                Value::Tuple(_) => BuiltinType::Tuple,
                Value::Dict(_) => BuiltinType::Dict,
                Value::Set(_) => BuiltinType::Set,
                Value::Range(_) => BuiltinType::Range,
                Value::Slice(_) => BuiltinType::Slice,
                Value::Function(_) => BuiltinType::Function,
                Value::Builtin(_) => BuiltinType::BuiltinFunction,
                Value::BoundMethod(_) => BuiltinType::Method,
                Value::Type(_) | Value::Class(_) => BuiltinType::Type,
                Value::Module(_) => BuiltinType::Module,
                Value::Iterator(_) => BuiltinType::Iterator,
                Value::Super(_) => BuiltinType::Super,
                Value::Property(_) => BuiltinType::Property,
                Value::StaticMethod(_) => BuiltinType::StaticMethod,
                Value::ClassMethod(_) => BuiltinType::ClassMethod,
                Value::Ellipsis => BuiltinType::Ellipsis,
                Value::NotImplemented => BuiltinType::NotImplementedType,
                _ => BuiltinType::Object,
            }),
        }
    }

    // ---- attributes ----

    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.try_get_attr(obj, name)? {
            Some(v) => Ok(v),
            None if name == "__class__" => Ok(self.type_of(obj)),
            None => Err(self.no_attr(obj, name)),
        }
    }

    fn no_attr(&self, obj: &Value, name: &str) -> PyErr {
        let mut e = self.no_attr_plain(obj, name);
        if let Some(c) = self.attr_candidates(obj) {
            e.suggestion = crate::suggest::suggest(name, c.iter().map(|s| s.as_str()));
        }
        e
    }

    /// `dir(obj)` as CPython would list it, for "Did you mean" hints (None: no hints).
    fn attr_candidates(&self, obj: &Value) -> Option<Vec<String>> {
        const OBJECT_DUNDERS: &[&str] = &[
            "__class__",
            "__delattr__",
            "__dict__",
            "__dir__",
            "__doc__",
            "__eq__",
            "__format__",
            "__ge__",
            "__getattribute__",
            "__getstate__",
            "__gt__",
            "__hash__",
            "__init__",
            "__init_subclass__",
            "__le__",
            "__lt__",
            "__module__",
            "__ne__",
            "__new__",
            "__reduce__",
            "__reduce_ex__",
            "__repr__",
            "__setattr__",
            "__sizeof__",
            "__str__",
            "__subclasshook__",
            "__weakref__",
        ];
        let mut names: Vec<String> = Vec::new();
        let class_names = |c: &Rc<Class>, names: &mut Vec<String>| {
            for k in std::iter::once(c).chain(c.mro.iter()) {
                names.extend(k.dict.borrow().keys().map(|s| s.to_string()));
            }
        };
        match obj {
            Value::Instance(i) => {
                names.extend(
                    i.dict
                        .borrow()
                        .entries
                        .iter()
                        .filter_map(|(k, _)| k.as_str().map(String::from)),
                );
                class_names(&i.class, &mut names);
                names.extend(OBJECT_DUNDERS.iter().map(|s| s.to_string()));
            }
            Value::Class(c) => {
                class_names(c, &mut names);
                names.extend(OBJECT_DUNDERS.iter().map(|s| s.to_string()));
            }
            // Real torch modules have far more names than bound here (and `dir(torch)` is
            // past CPython's 750-candidate cutoff): no hints rather than wrong ones.
            Value::Module(m) if m.name.starts_with("torch") => return None,
            Value::Module(m) => {
                names.extend(m.attrs.borrow().keys().map(|s| s.to_string()));
                names.extend(
                    [
                        "__doc__",
                        "__name__",
                        "__package__",
                        "__loader__",
                        "__spec__",
                    ]
                    .map(String::from),
                );
            }
            Value::Native(_) | Value::Super(_) => return None,
            other => {
                names.extend(crate::builtins::methods::names(&other.type_name()));
            }
        }
        names.sort_unstable();
        names.dedup();
        Some(names)
    }

    fn no_attr_plain(&self, obj: &Value, name: &str) -> PyErr {
        match obj {
            Value::Module(m) => {
                PyErr::attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
            }
            Value::Class(c) => PyErr::attribute_error(format!(
                "type object '{}' has no attribute '{name}'",
                c.name
            )),
            Value::Type(t) => PyErr::attribute_error(format!(
                "type object '{}' has no attribute '{name}'",
                t.name()
            )),
            Value::Super(_) => {
                PyErr::attribute_error(format!("'super' object has no attribute '{name}'"))
            }
            _ => PyErr::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                obj.type_name()
            )),
        }
    }

    pub fn has_attr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        match self.try_get_attr(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if e.kind == "AttributeError" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Attribute lookup; `Ok(None)` when absent.
    pub fn try_get_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Tuple(t) if t.class.is_some() => {
                let Some(c) = t.class.clone() else {
                    return Ok(None);
                };
                if name == "__class__" {
                    return Ok(Some(Value::Class(c)));
                }
                if let Some(f) = self.class_lookup(&c, name) {
                    if let Value::Property(p) = &f {
                        let (g, _) = crate::builtins::python::property_parts(p);
                        return self.call(&g, Args::positional(vec![obj.clone()])).map(Some);
                    }
                    return Ok(Some(bind(f, obj)));
                }
                Ok(self.builtin_method(obj, name))
            }
            Value::Instance(inst) => {
                if name == "__class__" {
                    return Ok(Some(Value::Class(inst.class.clone())));
                }
                if name == "__dict__" {
                    let d = DictObj {
                        data: std::cell::RefCell::new(DictData::default()),
                    };
                    for (k, v) in inst.dict.borrow().entries.iter() {
                        d.data
                            .borrow_mut()
                            .insert(k.hash_key()?, k.clone(), v.clone());
                    }
                    return Ok(Some(Value::Dict(Rc::new(d))));
                }
                if let Some(v) = inst.dict.borrow().get(&HashKey::Str(Rc::from(name))) {
                    return Ok(Some(v.clone()));
                }
                if let Some(f) = self.class_lookup(&inst.class, name) {
                    if let Value::Property(p) = &f {
                        let (g, _) = crate::builtins::python::property_parts(p);
                        if matches!(g, Value::None) {
                            return Err(PyErr::attribute_error(format!(
                                "property '{name}' of '{}' object has no getter",
                                inst.class.name
                            )));
                        }
                        return self.call(&g, Args::positional(vec![obj.clone()])).map(Some);
                    }
                    return Ok(Some(bind(f, obj)));
                }
                if inst.class.is_exception && name == "args" {
                    return Ok(Some(Value::tuple(Vec::new())));
                }
                let native = inst.native.borrow().clone();
                match native {
                    Some(Value::Native(nn)) => {
                        if let Some(v) = nn.get_attr(obj, name, self)? {
                            return Ok(Some(v));
                        }
                    }
                    Some(Value::Dict(_)) => {
                        if let Some(m) = native_dict_method(obj, name) {
                            return Ok(Some(m));
                        }
                    }
                    _ => {}
                }
                if let Some(ga) = self.class_lookup(&inst.class, "__getattr__") {
                    let r = self.call(&bind(ga, obj), Args::positional(vec![Value::str(name)]));
                    return match r {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.kind == "AttributeError" => Err(e),
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Class(c) => {
                match name {
                    // a dotted name (`torch.return_types.max`) is the qualified one
                    "__name__" => {
                        let n = match c.name.strip_prefix("torch.") {
                            Some(n) => n.rsplit('.').next().unwrap_or(n),
                            None => &c.name,
                        };
                        return Ok(Some(Value::str(n)));
                    }
                    "__qualname__" => return Ok(Some(Value::Str(class_qualname(c)))),
                    "__module__" => return Ok(Some(Value::str(&class_module(c)))),
                    "__bases__" => {
                        return Ok(Some(Value::tuple(c.bases.clone())));
                    }
                    "__mro__" => {
                        let mut v: Vec<Value> = std::iter::once(c)
                            .chain(c.mro.iter())
                            .map(|k| Value::Class(k.clone()))
                            .collect();
                        if let Some(t @ Value::Type(_)) = crate::builtins::find_native_base(c) {
                            v.push(t);
                        }
                        v.push(Value::Type(BuiltinType::Object));
                        return Ok(Some(Value::tuple(v)));
                    }
                    _ => {}
                }
                match self.class_lookup(c, name) {
                    Some(Value::ClassMethod(f)) => {
                        Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                            func: (*f).clone(),
                            this: obj.clone(),
                        }))))
                    }
                    Some(Value::StaticMethod(f)) => Ok(Some((*f).clone())),
                    Some(v) => Ok(Some(v)),
                    None => {
                        if let Some(nb) = crate::builtins::find_native_base(c) {
                            return self.try_get_attr(&nb, name);
                        }
                        if name == "__new__" {
                            return Ok(Some(crate::builtins::object_new_fn()));
                        }
                        Ok(None)
                    }
                }
            }
            Value::Super(s) => {
                let (class, this) = (&s.0, &s.1);
                let start = match this {
                    Value::Instance(i) => i.class.clone(),
                    Value::Class(c) => c.clone(),
                    _ => class.clone(),
                };
                let full: Vec<Rc<Class>> = std::iter::once(&start)
                    .chain(start.mro.iter())
                    .cloned()
                    .collect();
                let pos = full.iter().position(|k| Rc::ptr_eq(k, class));
                if let Some(pos) = pos {
                    for k in &full[pos + 1..] {
                        if let Some(f) = k.dict.borrow().get(name).cloned() {
                            // `__new__` is a static method
                            return Ok(Some(if name == "__new__" { f } else { bind(f, this) }));
                        }
                    }
                }
                if name == "__new__" {
                    return Ok(Some(crate::builtins::object_new_fn()));
                }
                if let Some(nb) = crate::builtins::find_native_base(&start) {
                    if let Some(v) =
                        crate::builtins::torch::native_base_method(self, &nb, this, name)?
                    {
                        return Ok(Some(v));
                    }
                }
                if name == "__init__" {
                    // object.__init__
                    return Ok(Some(crate::builtins::builtin_fn("__init__", |_, _| {
                        Ok(Value::None)
                    })));
                }
                Ok(None)
            }
            Value::Module(m) if &*m.name == "torch" && name == "utils" => {
                crate::builtins::load_module(self, "torch.utils")
            }
            Value::Module(m) => Ok(m
                .attrs
                .borrow()
                .get(name)
                .cloned()
                .or_else(|| (name == "__name__").then(|| Value::Str(m.name.clone())))),
            Value::Native(n) => {
                let n = n.clone();
                n.get_attr(obj, name, self)
            }
            Value::Function(f) if f.attrs.borrow().contains_key(name) => {
                Ok(f.attrs.borrow().get(name).cloned())
            }
            Value::Function(f) => Ok(match name {
                "__name__" => Some(Value::Str(f.name.clone())),
                "__qualname__" => Some(Value::str(&f.qualname)),
                "__doc__" => {
                    Some(crate::ast::docstring(&f.def.body).map_or(Value::None, Value::Str))
                }
                "__module__" => Some(Value::str("__main__")),
                _ => None,
            }),
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::str(b.name)),
                "__self__" => b.this.clone(),
                _ => None,
            }),
            Value::BoundMethod(m) => match name {
                "__self__" => Ok(Some(m.this.clone())),
                "__func__" => Ok(Some(m.func.clone())),
                _ => {
                    let f = m.func.clone();
                    self.try_get_attr(&f, name)
                }
            },
            Value::Type(t) => {
                if name == "__name__" || name == "__qualname__" {
                    return Ok(Some(Value::str(t.name())));
                }
                if name == "__new__"
                    && matches!(
                        t,
                        BuiltinType::Object | BuiltinType::Tuple | BuiltinType::Dict
                    )
                {
                    return Ok(Some(crate::builtins::object_new_fn()));
                }
                if *t == BuiltinType::Dict && name == "fromkeys" {
                    let f = crate::builtins::methods::dict_fromkeys;
                    return Ok(Some(crate::builtins::builtin_fn("fromkeys", f)));
                }
                if *t == BuiltinType::Dict {
                    // `dict.__setitem__(self, k, v)`, `dict.update(self, ...)`: unbound.
                    if let Some(f) = crate::builtins::methods::dict_special(name) {
                        return Ok(Some(Value::Builtin(Rc::new(BuiltinFn {
                            name: f.0,
                            func: f.1,
                            this: None,
                            owner: Some("dict"),
                        }))));
                    }
                }
                // Unbound builtin methods: str.upper, list.append ...
                Ok(crate::builtins::methods::lookup(t.name(), name).map(|f| {
                    Value::Builtin(Rc::new(BuiltinFn {
                        name: f.0,
                        func: f.1,
                        this: None,
                        owner: Some(t.name()),
                    }))
                }))
            }
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(match name {
                "real" | "numerator" => Some(Value::from_bigint(to_big(
                    &as_num(obj).unwrap_or(Num::Int(0)),
                ))),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => self.builtin_method(obj, name),
            }),
            Value::Float(f) => Ok(match name {
                "real" => Some(Value::Float(*f)),
                "imag" => Some(Value::Float(0.0)),
                _ => self.builtin_method(obj, name),
            }),
            Value::Property(p) => Ok(crate::builtins::python::property_attr(p, obj, name)),
            Value::Slice(s) => Ok(match name {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            }),
            Value::Range(r) => Ok(match name {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => self.builtin_method(obj, name),
            }),
            _ => Ok(self.builtin_method(obj, name)),
        }
    }

    fn builtin_method(&self, obj: &Value, name: &str) -> Option<Value> {
        if let Value::Dict(_) = obj {
            if name.starts_with("__") {
                return native_dict_method(obj, name);
            }
        }
        let tn = match obj {
            Value::Tuple(_) => "tuple".into(),
            _ => obj.type_name(),
        };
        let (n, f) = crate::builtins::methods::lookup(&tn, name)?;
        Some(Value::Builtin(Rc::new(BuiltinFn {
            name: n,
            func: f,
            this: Some(obj.clone()),
            owner: crate::builtins::methods::owner_name(&tn),
        })))
    }

    pub fn set_attr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Property(p)) = self.class_lookup(&inst.class, name) {
                    let (_, setter) = crate::builtins::python::property_parts(&p);
                    if matches!(setter, Value::None) {
                        return Err(PyErr::attribute_error(format!(
                            "property '{name}' of '{}' object has no setter",
                            inst.class.name
                        )));
                    }
                    self.call(&setter, Args::positional(vec![obj.clone(), v]))?;
                    return Ok(());
                }
                let native = inst.native.borrow().clone();
                if let Some(Value::Native(n)) = native {
                    if n.set_attr(name, v.clone(), self)? {
                        return Ok(());
                    }
                }
                inst.dict
                    .borrow_mut()
                    .insert(HashKey::Str(Rc::from(name)), Value::str(name), v);
                Ok(())
            }
            Value::Class(c) if !c.builtin => {
                c.dict.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Tuple(t) if t.class.is_some() => {
                let c = t.class.clone();
                match c.and_then(|c| self.class_lookup(&c, name)) {
                    // namedtuple fields (`_tuplegetter`), `torch.return_types` (structseq)
                    Some(Value::Property(_)) if obj.type_name().starts_with("torch.") => {
                        Err(PyErr::attribute_error("readonly attribute"))
                    }
                    Some(Value::Property(_)) => Err(PyErr::attribute_error("can't set attribute")),
                    _ => Err(self.no_attr_plain(obj, name)),
                }
            }
            Value::Module(m) => {
                m.attrs.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Native(n) => {
                let n = n.clone();
                if n.set_attr(name, v, self)? {
                    Ok(())
                } else if self.try_get_attr(obj, name)?.is_some() {
                    Err(PyErr::attribute_error(format!(
                        "attribute '{name}' of '{}' objects is not writable",
                        obj.type_name()
                    )))
                } else {
                    Err(self.no_attr(obj, name))
                }
            }
            Value::Function(f) => {
                f.attrs.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            _ => Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{name}'",
                obj.type_name()
            ))),
        }
    }

    pub fn del_attr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst
                .dict
                .borrow_mut()
                .remove(&HashKey::Str(Rc::from(name)))
                .is_some()
            {
                return Ok(());
            }
        }
        Err(self.no_attr(obj, name))
    }

    // ---- truth, length, iteration ----

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.items.borrow().is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.data.borrow().is_empty(),
            Value::Set(d) => !d.data.borrow().is_empty(),
            Value::Range(r) => r.len() > 0,
            Value::Native(n) => {
                let n = n.clone();
                n.truthy(self)?.unwrap_or(true)
            }
            Value::Instance(_) => {
                if let Some(m) = self.lookup_special(v, "__bool__") {
                    let r = self.call(&m, Args::default())?;
                    return self.truthy(&r);
                }
                if let Some(m) = self.lookup_special(v, "__len__") {
                    let r = self.call(&m, Args::default())?;
                    return self.truthy(&r);
                }
                true
            }
            _ => true,
        })
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::List(l) => l.items.borrow().len(),
            Value::Tuple(t) => t.items.len(),
            Value::Dict(d) => d.data.borrow().len(),
            Value::Set(d) => d.data.borrow().len(),
            Value::Range(r) => r.len() as usize,
            Value::Native(n) => match n.len() {
                Some(l) => l,
                None => {
                    return Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        v.type_name()
                    )))
                }
            },
            Value::Instance(_) if self.lookup_special(v, "__len__").is_some() => {
                let m = self.lookup_special(v, "__len__").unwrap_or(Value::None);
                let r = self.call(&m, Args::default())?;
                match r {
                    Value::Int(i) if i >= 0 => i as usize,
                    _ => return Err(PyErr::type_error("'__len__' should return an int >= 0")),
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }

    pub(crate) fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Str(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_)
            | Value::Iterator(_)
            | Value::Native(_) => true,
            Value::Instance(_) => {
                self.lookup_special(v, "__iter__").is_some()
                    || self.lookup_special(v, "__getitem__").is_some()
            }
            _ => false,
        }
    }

    /// `iter(v)`: an iterator value.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Iterator(_) => v.clone(),
            Value::List(l) => iter::make(IterState::List {
                list: l.clone(),
                idx: 0,
            }),
            Value::Tuple(t) => iter::from_items(t.items.clone(), "tuple_iterator"),
            Value::Str(s) => iter::from_items(
                s.chars().map(|c| Value::str(&c.to_string())).collect(),
                "str_ascii_iterator",
            ),
            Value::Dict(d) => iter::over_dict(d, "dict_keys"),
            Value::Set(d) => iter::from_items(d.ordered(), "set_iterator"),
            Value::Range(r) => iter::make(IterState::Range {
                range: r.clone(),
                idx: 0,
            }),
            Value::Native(n) => {
                let n = n.clone();
                if let Some(v) = n
                    .as_any()
                    .downcast_ref::<crate::builtins::methods::DictView>()
                {
                    return Ok(iter::over_dict(&v.dict, v.kind));
                }
                match n.iter_items(self)? {
                    Some(items) => iter::from_items(items, "iterator"),
                    None => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not iterable",
                            v.type_name()
                        )))
                    }
                }
            }
            Value::Instance(_) if self.lookup_special(v, "__iter__").is_some() => {
                let m = self.lookup_special(v, "__iter__").unwrap_or(Value::None);
                let it = self.call(&m, Args::default())?;
                if let Value::Iterator(_) = it {
                    return Ok(it);
                }
                // A user iterator object: drain it through __next__ (bounded by the budget).
                let Some(next) = self.lookup_special(&it, "__next__") else {
                    return Err(PyErr::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        it.type_name()
                    )));
                };
                let mut items = Vec::new();
                loop {
                    self.tick()?;
                    match self.call(&next, Args::default()) {
                        Ok(x) => items.push(x),
                        Err(e) if e.kind == "StopIteration" => break,
                        Err(e) => return Err(e),
                    }
                }
                iter::from_items(items, "iterator")
            }
            Value::Instance(_) if self.lookup_special(v, "__getitem__").is_some() => {
                let m = self.lookup_special(v, "__getitem__").unwrap_or(Value::None);
                let mut items = Vec::new();
                for i in 0.. {
                    self.tick()?;
                    match self.call(&m, Args::positional(vec![Value::Int(i)])) {
                        Ok(x) => items.push(x),
                        Err(e) if e.kind == "IndexError" || e.kind == "StopIteration" => break,
                        Err(e) => return Err(e),
                    }
                }
                iter::from_items(items, "iterator")
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        })
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.items.borrow().clone()),
            Value::Tuple(t) => return Ok(t.items.clone()),
            Value::Range(r) => {
                self.check_alloc(r.len() as u128 * 16)?;
            }
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = iter::next_value(self, &it)? {
            out.push(x);
            if out.len() % 4096 == 0 {
                self.check_alloc(out.len() as u128 * 16)?;
            }
        }
        Ok(out)
    }
}

/// Binds a function found on a class to an instance.
pub(crate) fn bind(f: Value, this: &Value) -> Value {
    match f {
        Value::Function(_) | Value::Builtin(_) => Value::BoundMethod(Rc::new(BoundMethod {
            func: f,
            this: this.clone(),
        })),
        Value::StaticMethod(inner) => (*inner).clone(),
        Value::ClassMethod(inner) => {
            let cls = match this {
                Value::Instance(i) => Value::Class(i.class.clone()),
                Value::Tuple(t) if t.class.is_some() => match &t.class {
                    Some(c) => Value::Class(c.clone()),
                    None => this.clone(),
                },
                other => other.clone(),
            };
            Value::BoundMethod(Rc::new(BoundMethod {
                func: (*inner).clone(),
                this: cls,
            }))
        }
        other => other,
    }
}

pub(crate) fn big_to_string(b: &BigInt) -> PyResult<String> {
    if b.bits() > 14_300 {
        return Err(PyErr::value_error(
            "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        ));
    }
    Ok(b.to_string())
}

/// The module a class was defined in: `builtins`, `__main__`, or its `__module__` entry
/// (the torch prelude sets `torch.nn.modules.linear` and the like).
/// A class's `__qualname__` (`f.<locals>.A`, `B.Inner`), as its body set it.
pub(crate) fn class_qualname(c: &Class) -> Rc<str> {
    match c.dict.borrow().get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => c.name.clone(),
    }
}

pub(crate) fn class_module(c: &Rc<Class>) -> String {
    match c.dict.borrow().get("__module__") {
        Some(Value::Str(m)) => m.to_string(),
        _ if c.builtin => "builtins".into(),
        _ => "__main__".into(),
    }
}

/// A `dict` method bound to `v`, a dict or an instance of a `dict` subclass (whose
/// special methods fall back to `dict`'s).
pub(crate) fn native_dict_method(v: &Value, name: &str) -> Option<Value> {
    v.dict_obj()?;
    let (n, f) = crate::builtins::methods::dict_special(name)?;
    Some(Value::Builtin(Rc::new(BuiltinFn {
        name: n,
        func: f,
        this: Some(v.clone()),
        owner: Some("dict"),
    })))
}
