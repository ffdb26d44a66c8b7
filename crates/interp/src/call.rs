//! Functions and classes: definitions, calls, argument binding, `super()`.

use crate::ast::*;
use crate::error::{PyErr, PyResult};
use crate::eval::*;
use crate::fxhash::HashMap;
use crate::value::*;
use std::cell::RefCell;
use std::rc::Rc;

impl Interp {
    pub(crate) fn make_function(&mut self, def: &Rc<FunctionDef>, env: &EnvRef) -> PyResult<Value> {
        let mut defaults = Vec::with_capacity(def.args.defaults.len());
        for d in &def.args.defaults {
            defaults.push(self.eval(d, env)?);
        }
        let mut kw_defaults = Vec::with_capacity(def.args.kw_defaults.len());
        for d in &def.args.kw_defaults {
            kw_defaults.push(match d {
                Some(e) => Some(self.eval(e, env)?),
                None => None,
            });
        }
        // Class bodies are not visible from inside methods: skip them in the closure.
        let mut closure = env.clone();
        while let Some(e) = &closure {
            if matches!(e.kind, EnvKind::Class) {
                closure = e.parent.clone();
            } else {
                break;
            }
        }
        let qualname = self.qualname(&def.name, env);
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            name: def.name.clone(),
            qualname,
            defaults,
            kw_defaults,
            closure,
            class: RefCell::new(None),
            hidden: self.hidden_defs,
            attrs: RefCell::default(),
        })))
    }

    /// Defines a function at module level without binding its name (library code).
    pub(crate) fn make_function_at_module(&mut self, def: &Rc<FunctionDef>) -> PyResult<Value> {
        self.make_function(def, &None)
    }

    /// Global variables holding tensors, in definition order (graph labels).
    pub fn named_tensors(&self) -> Vec<(String, autograd::Tensor)> {
        let order = self.global_order.borrow();
        let globals = self.globals.borrow();
        order
            .iter()
            .filter_map(|k| {
                let v = globals.get(k)?;
                crate::builtins::tensor::tensor_of(v).map(|t| (k.to_string(), t))
            })
            .collect()
    }

    /// `__qualname__` of a function or class named `name` defined in `env`: `C.m` in a class
    /// body, `f.<locals>.g` in a function (but library code, built inside the torch prelude's
    /// builder function, is named as if at its module's top level).
    fn qualname(&self, name: &str, env: &EnvRef) -> String {
        match env {
            Some(e) if self.hidden_defs && !matches!(e.kind, EnvKind::Class) => name.to_string(),
            Some(e) if matches!(e.kind, EnvKind::Class) => {
                let cname = e
                    .vars
                    .borrow()
                    .get("__qualname__")
                    .and_then(|v| v.as_str().map(|s| s.to_string()))
                    .unwrap_or_default();
                format!("{cname}.{name}")
            }
            Some(_) => {
                let outer = self
                    .frames
                    .last()
                    .and_then(|f| f.func.as_ref())
                    .map(|f| f.qualname.clone())
                    .unwrap_or_else(|| self.frame_name());
                format!("{outer}.<locals>.{name}")
            }
            None => name.to_string(),
        }
    }

    pub(crate) fn make_class(&mut self, def: &Rc<ClassDef>, env: &EnvRef) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &def.bases {
            bases.push(self.eval(b, env)?);
        }
        let cenv = Rc::new(Env {
            vars: RefCell::new(HashMap::default()),
            parent: env.clone(),
            kind: EnvKind::Class,
        });
        cenv.vars.borrow_mut().insert(
            Rc::from("__qualname__"),
            Value::str(&self.qualname(&def.name, env)),
        );
        cenv.vars.borrow_mut().insert(
            Rc::from("__doc__"),
            crate::ast::docstring(&def.body).map_or(Value::None, Value::Str),
        );
        let cref: EnvRef = Some(cenv.clone());
        match self.exec_block(&def.body, &cref) {
            Ok(()) => {}
            Err(Unwind::Error(e)) => return Err(e),
            Err(_) => return Err(PyErr::syntax_error("invalid statement in class body")),
        }
        let dict = std::mem::take(&mut *cenv.vars.borrow_mut());
        let class = crate::builtins::new_class(self, def.name.clone(), bases, dict)?;
        // Let methods find their class for zero-argument super().
        for v in class.dict.borrow().values() {
            if let Value::Function(f) = v {
                *f.class.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
        Ok(Value::Class(class))
    }

    /// Calls any callable value.
    pub fn call(&mut self, f: &Value, mut args: Args) -> PyResult<Value> {
        match f {
            Value::Function(func) => self.call_function(func, args),
            Value::Builtin(b) => {
                if let Some(this) = &b.this {
                    args.positional.insert(0, this.clone());
                }
                (b.func)(self, args)
            }
            Value::BoundMethod(m) => {
                args.positional.insert(0, m.this.clone());
                self.call(&m.func, args)
            }
            Value::Class(c) => self.instantiate(c, args),
            Value::Type(t) => crate::builtins::types::construct(self, *t, args),
            Value::Instance(_) => match self.lookup_special(f, "__call__") {
                Some(m) => self.call(&m, args),
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            Value::Native(n) => match n.call(f, args, self) {
                Some(r) => r,
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    f.type_name()
                ))),
            },
            Value::StaticMethod(inner) => {
                let inner = (**inner).clone();
                self.call(&inner, args)
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                f.type_name()
            ))),
        }
    }

    pub(crate) fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
        if c.is_exception {
            if let Some(init) = self.class_lookup(c, "__init__") {
                let inst = crate::builtins::new_exc_instance(c.clone(), args.positional.clone());
                let mut a = args;
                a.positional.insert(0, inst.clone());
                self.call(&init, a)?;
                return Ok(inst);
            }
            args.no_kwargs(&c.name)?;
            return Ok(crate::builtins::new_exc_instance(
                c.clone(),
                args.positional,
            ));
        }
        // A `__new__` of the class's own (or a `tuple` base's): it makes the instance, which
        // `__init__` then initialises if it is one of `c`'s.
        let own_new = self.class_lookup(c, "__new__");
        let tuple_base = matches!(
            crate::builtins::find_native_base(c),
            Some(Value::Type(BuiltinType::Tuple))
        );
        if own_new.is_some() || tuple_base {
            let mut a = args.clone();
            a.positional.insert(0, Value::Class(c.clone()));
            if own_new.is_none() && a.positional.len() > 2 {
                return Err(PyErr::type_error(format!(
                    "tuple expected at most 1 argument, got {}",
                    a.positional.len() - 1
                )));
            }
            let new = own_new.unwrap_or_else(crate::builtins::object_new_fn);
            let inst = self.call(&new, a)?;
            let mine = match &inst {
                Value::Instance(i) => crate::eval::is_subclass(&i.class, c),
                Value::Tuple(t) => t
                    .class
                    .as_ref()
                    .is_some_and(|k| crate::eval::is_subclass(k, c)),
                _ => false,
            };
            if mine {
                if let Some(init) = self.class_lookup(c, "__init__") {
                    self.call_init(&init, &inst, args)?;
                }
            }
            return Ok(inst);
        }
        let native = match crate::builtins::find_native_base(c) {
            // A dict subclass: the instance holds its dict.
            Some(Value::Type(BuiltinType::Dict)) => Some(Value::Dict(Rc::new(DictObj {
                data: RefCell::new(DictData::default()),
            }))),
            _ => None,
        };
        let inst = Value::Instance(Rc::new(Instance {
            class: c.clone(),
            dict: RefCell::new(DictData::default()),
            native: RefCell::new(native),
            id: std::cell::Cell::new(0),
        }));
        if let Some(init) = self.class_lookup(c, "__init__") {
            self.call_init(&init, &inst, args)?;
        } else if let Some(native) = crate::builtins::find_native_base(c) {
            crate::builtins::torch::init_native_base(self, &native, &inst, args)?;
        } else if !args.positional.is_empty() || !args.kwargs.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                c.name
            )));
        }
        Ok(inst)
    }

    /// Calls `__init__` on a new instance; like CPython, it must return None.
    fn call_init(&mut self, init: &Value, inst: &Value, mut args: Args) -> PyResult<()> {
        args.positional.insert(0, inst.clone());
        let r = self.call(init, args)?;
        if !matches!(r, Value::None) {
            return Err(PyErr::type_error(format!(
                "__init__() should return None, not '{}'",
                r.type_name()
            )));
        }
        Ok(())
    }

    pub(crate) fn call_function(&mut self, func: &Rc<Function>, args: Args) -> PyResult<Value> {
        if self.depth >= self.limits.recursion_limit {
            return Err(PyErr::recursion_error("maximum recursion depth exceeded"));
        }
        self.tick()?;
        let vars = self.bind_args(func, args)?;
        let env = Rc::new(Env {
            vars: RefCell::new(vars),
            parent: func.closure.clone(),
            kind: EnvKind::Function(func.def.clone()),
        });
        if func.def.is_generator {
            let g = crate::generator::FnGen::new(func.clone(), Some(env));
            return Ok(crate::iter::make(crate::iter::IterState::FnGen(Some(
                Box::new(g),
            ))));
        }
        let envref: EnvRef = Some(env);
        self.depth += 1;
        self.frames.push(FrameInfo {
            name: func.name.to_string(),
            func: Some(func.clone()),
            env: envref.clone(),
            call_line: self.current_line,
        });
        let line = self.current_line;
        let r = self.exec_block(&func.def.body, &envref);
        self.frames.pop();
        self.depth -= 1;
        self.current_line = line;
        if let Some(env) = &envref {
            // Anything the call returns holds its own references, so this is safe here.
            break_local_cycles(env);
        }
        match r {
            Ok(()) => Ok(Value::None),
            Err(Unwind::Return(v)) => Ok(v),
            Err(Unwind::Error(e)) => Err(e),
            Err(_) => Err(PyErr::syntax_error("'break' outside loop")),
        }
    }

    pub(crate) fn bind_args(
        &mut self,
        func: &Function,
        args: Args,
    ) -> PyResult<HashMap<Rc<str>, Value>> {
        let a = &func.def.args;
        let fname = &func.qualname;
        let mut vars: HashMap<Rc<str>, Value> = HashMap::default();
        let npos = a.args.len();
        let mut positional = args.positional;
        let extra: Vec<Value> = if positional.len() > npos {
            positional.split_off(npos)
        } else {
            Vec::new()
        };
        for (p, v) in a.args.iter().zip(positional) {
            vars.insert(p.arg.clone(), v);
        }
        let extra_given = extra.len();
        if let Some(va) = &a.vararg {
            vars.insert(va.arg.clone(), Value::tuple(extra));
        }
        let mut kwextra = DictData::default();
        for (k, v) in args.kwargs {
            let is_param = a.args.iter().chain(a.kwonlyargs.iter()).any(|p| p.arg == k);
            if is_param {
                if vars.contains_key(&k) {
                    return Err(PyErr::type_error(format!(
                        "{fname}() got multiple values for argument '{k}'"
                    )));
                }
                vars.insert(k, v);
            } else if a.kwarg.is_some() {
                kwextra.insert(HashKey::Str(k.clone()), Value::Str(k), v);
            } else {
                return Err(PyErr::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        // Checked after the keywords, as CPython does: `f(1, 2, c=3)` for `def f(a)` reports
        // the unexpected keyword.
        if extra_given > 0 && a.vararg.is_none() {
            let given = npos + extra_given;
            let nreq = npos - a.defaults.len();
            let (sig, plural) = if a.defaults.is_empty() {
                (npos.to_string(), npos != 1)
            } else {
                (format!("from {nreq} to {npos}"), true)
            };
            let kwonly_given = a
                .kwonlyargs
                .iter()
                .filter(|p| vars.contains_key(&p.arg))
                .count();
            let kwonly = if kwonly_given > 0 {
                format!(
                    " positional argument{} (and {kwonly_given} keyword-only argument{})",
                    if given != 1 { "s" } else { "" },
                    if kwonly_given != 1 { "s" } else { "" }
                )
            } else {
                String::new()
            };
            return Err(PyErr::type_error(format!(
                "{fname}() takes {sig} positional argument{} but {given}{kwonly} {} given",
                if plural { "s" } else { "" },
                if given == 1 && kwonly_given == 0 {
                    "was"
                } else {
                    "were"
                }
            )));
        }
        // Defaults and missing arguments.
        let ndef = a.defaults.len();
        let mut missing = Vec::new();
        for (i, p) in a.args.iter().enumerate() {
            if vars.contains_key(&p.arg) {
                continue;
            }
            if i + ndef >= npos {
                vars.insert(p.arg.clone(), func.defaults[i + ndef - npos].clone());
            } else {
                missing.push(p.arg.clone());
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut kwmissing = Vec::new();
        for (i, p) in a.kwonlyargs.iter().enumerate() {
            if vars.contains_key(&p.arg) {
                continue;
            }
            match func.kw_defaults.get(i).cloned().flatten() {
                Some(d) => {
                    vars.insert(p.arg.clone(), d);
                }
                None => kwmissing.push(p.arg.clone()),
            }
        }
        if !kwmissing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing {} required keyword-only argument{}: {}",
                kwmissing.len(),
                if kwmissing.len() == 1 { "" } else { "s" },
                join_names(&kwmissing)
            )));
        }
        if let Some(kw) = &a.kwarg {
            vars.insert(
                kw.arg.clone(),
                Value::Dict(Rc::new(DictObj {
                    data: RefCell::new(kwextra),
                })),
            );
        }
        Ok(vars)
    }

    /// Zero-argument `super()`: the class of the running method and its first argument.
    pub(crate) fn current_super(&self) -> PyResult<Value> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| PyErr::runtime_error("super(): no arguments"))?;
        let func = frame
            .func
            .as_ref()
            .ok_or_else(|| PyErr::runtime_error("super(): no arguments"))?;
        let class = func
            .class
            .borrow()
            .as_ref()
            .and_then(|w| w.upgrade())
            .ok_or_else(|| PyErr::runtime_error("super(): __class__ cell not found"))?;
        let first = func
            .def
            .args
            .args
            .first()
            .ok_or_else(|| PyErr::runtime_error("super(): no arguments"))?;
        let this = frame
            .env
            .as_ref()
            .and_then(|e| e.vars.borrow().get(&first.arg).cloned())
            .ok_or_else(|| PyErr::runtime_error("super(): arg[0] deleted"))?;
        Ok(Value::Super(Rc::new((class, this))))
    }
}

/// Frees a finished call's local functions when nothing else can reach them.
///
/// A function defined inside a call closes over the call's environment, which holds the
/// function: a reference cycle. If the only references to the environment are this frame's
/// and those of local functions nobody else holds, the whole group is garbage: clear it.
fn break_local_cycles(env: &Rc<Env>) {
    let local_fns = env
        .vars
        .borrow()
        .values()
        .filter(|v| {
            matches!(v, Value::Function(f)
                if Rc::strong_count(f) == 1
                    && f.closure.as_ref().is_some_and(|c| Rc::ptr_eq(c, env)))
        })
        .count();
    if local_fns > 0 && Rc::strong_count(env) == 1 + local_fns {
        let vars = std::mem::take(&mut *env.vars.borrow_mut());
        drop(vars);
    }
}
