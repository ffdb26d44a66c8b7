//! Statement execution: blocks, control flow, assignment targets, imports, try/with/raise.

use crate::ast::*;
use crate::error::{PyErr, PyResult, TbEntry};
use crate::eval::*;
use crate::iter;
use crate::value::*;
use std::rc::Rc;

impl Interp {
    pub(crate) fn exec_block(&mut self, body: &[Stmt], env: &EnvRef) -> Exec {
        for s in body {
            self.exec_stmt(s, env)?;
        }
        Ok(())
    }

    pub(crate) fn frame_name(&self) -> String {
        self.frames
            .last()
            .map(|f| f.name.clone())
            .unwrap_or_else(|| "<module>".into())
    }

    pub(crate) fn exec_stmt(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        self.current_line = s.span.line;
        let r = match self.tick() {
            Ok(()) => self.exec_stmt_inner(s, env),
            Err(e) => Err(Unwind::Error(e)),
        };
        match r {
            Err(Unwind::Error(mut e)) => {
                if e.span.is_none() {
                    e.span = Some(s.span);
                }
                let hidden = self
                    .frames
                    .last()
                    .and_then(|f| f.func.as_ref())
                    .is_some_and(|f| f.hidden);
                let needs = e.traceback.last().is_none_or(|t| t.depth > self.depth);
                if needs && !hidden {
                    e.traceback.push(TbEntry {
                        depth: self.depth,
                        name: self.frame_name(),
                        line: s.span.line,
                    });
                }
                Err(Unwind::Error(e))
            }
            other => other,
        }
    }

    pub(crate) fn exec_stmt_inner(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, env)?;
            }
            StmtKind::Assign { .. } => return self.stmt_assign(s, env),
            StmtKind::AugAssign { target, op, value } => {
                self.aug_assign(target, *op, value, env)?
            }
            StmtKind::AnnAssign { .. } => return self.stmt_ann_assign(s, env),
            StmtKind::Pass => {}
            StmtKind::Break => return Err(Unwind::Break),
            StmtKind::Continue => return Err(Unwind::Continue),
            StmtKind::Return(..) => return self.stmt_return(s, env),
            StmtKind::If { .. } => return self.stmt_if(s, env),
            StmtKind::While { .. } => return self.stmt_while(s, env),
            StmtKind::For { .. } => return self.stmt_for(s, env),
            StmtKind::FunctionDef(..) => return self.stmt_function_def(s, env),
            StmtKind::ClassDef(..) => return self.stmt_class_def(s, env),
            StmtKind::Delete(..) => return self.stmt_delete(s, env),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Raise { .. } => return self.stmt_raise(s, env),
            StmtKind::Assert { .. } => return self.stmt_assert(s, env),
            StmtKind::Try { .. } => return self.stmt_try(s, env),
            StmtKind::With { items, body } => return self.exec_with(items, body, env),
            StmtKind::Import(..) => return self.stmt_import(s, env),
            StmtKind::ImportFrom { .. } => return self.stmt_import_from(s, env),
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_assign(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Assign { targets, value } => {
                let v = self.eval(value, env)?;
                for t in targets {
                    self.assign(t, v.clone(), env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_ann_assign(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::AnnAssign { target, value, .. } => {
                if let Some(value) = value {
                    let v = self.eval(value, env)?;
                    self.assign(target, v, env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_return(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e, env)?,
                    None => Value::None,
                };
                return Err(Unwind::Return(v));
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_if(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(test, env)?;
                if self.truthy(&t)? {
                    self.exec_block(body, env)?;
                } else {
                    self.exec_block(orelse, env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_while(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::While { test, body, orelse } => loop {
                let t = self.eval(test, env)?;
                if !self.truthy(&t)? {
                    self.exec_block(orelse, env)?;
                    break;
                }
                match self.exec_block(body, env) {
                    Ok(()) | Err(Unwind::Continue) => {}
                    Err(Unwind::Break) => break,
                    Err(e) => return Err(e),
                }
            },
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_for(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::For {
                target,
                iter: it,
                body,
                orelse,
            } => {
                let seq = self.eval(it, env)?;
                let iterator = self.iter(&seq)?;
                let mut broke = false;
                while let Some(item) = iter::next_value(self, &iterator)? {
                    self.assign(target, item, env)?;
                    match self.exec_block(body, env) {
                        Ok(()) | Err(Unwind::Continue) => {}
                        Err(Unwind::Break) => {
                            broke = true;
                            break;
                        }
                        Err(e) => return Err(e),
                    }
                }
                if !broke {
                    self.exec_block(orelse, env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_function_def(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                let f = self.make_function(def, env)?;
                let mut v = f;
                for d in def.decorator_list.iter().rev() {
                    let dec = self.eval(d, env)?;
                    v = self.call(&dec, Args::positional(vec![v]))?;
                }
                self.store_name(&def.name, v, env)?;
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_class_def(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::ClassDef(def) => {
                let c = self.make_class(def, env)?;
                let mut v = c;
                for d in def.decorator_list.iter().rev() {
                    let dec = self.eval(d, env)?;
                    v = self.call(&dec, Args::positional(vec![v]))?;
                }
                self.store_name(&def.name, v, env)?;
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_delete(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t, env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_raise(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Raise { exc, cause } => {
                let Some(exc) = exc else {
                    return Err(match self.handling.last() {
                        Some(e) => Unwind::Error(e.clone()),
                        None => {
                            Unwind::Error(PyErr::runtime_error("No active exception to reraise"))
                        }
                    });
                };
                let v = self.eval(exc, env)?;
                if let Some(c) = cause {
                    self.eval(c, env)?;
                }
                return Err(Unwind::Error(self.make_raise(v)?));
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_assert(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Assert { test, msg } => {
                let t = self.eval(test, env)?;
                if !self.truthy(&t)? {
                    let m = match msg {
                        Some(m) => {
                            let v = self.eval(m, env)?;
                            self.to_str(&v)?
                        }
                        None => String::new(),
                    };
                    return Err(Unwind::Error(PyErr::assertion_error(m)));
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_try(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => return self.exec_try(body, handlers, orelse, finalbody, env),
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_import(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::Import(names) => {
                for a in names {
                    let m = self.import(&a.name)?;
                    match &a.asname {
                        Some(asname) => self.store_name(asname, m, env)?,
                        None => {
                            let top = a.name.split('.').next().unwrap_or("");
                            let topm = self.import(top)?;
                            self.store_name(top, topm, env)?;
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    pub(crate) fn stmt_import_from(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
        match &s.kind {
            StmtKind::ImportFrom { module, names, .. } => {
                if &**module == "__future__" {
                    for a in names {
                        if !matches!(
                            &*a.name,
                            "print_function"
                                | "division"
                                | "absolute_import"
                                | "unicode_literals"
                                | "annotations"
                                | "generators"
                                | "nested_scopes"
                                | "with_statement"
                                | "generator_stop"
                        ) {
                            return Err(Unwind::Error(PyErr::syntax_error(format!(
                                "future feature {} is not defined",
                                a.name
                            ))));
                        }
                    }
                    return Ok(());
                }
                let m = self.import(module)?;
                for a in names {
                    if &*a.name == "*" {
                        if let Value::Module(md) = &m {
                            let attrs: Vec<(Rc<str>, Value)> = md
                                .attrs
                                .borrow()
                                .iter()
                                .filter(|(k, _)| !k.starts_with('_'))
                                .map(|(k, v)| (k.clone(), v.clone()))
                                .collect();
                            for (k, v) in attrs {
                                self.store_name(&k, v, env)?;
                            }
                        }
                        continue;
                    }
                    let v = match self.module_attr(&m, &a.name) {
                        Some(v) => v,
                        None => match self.import(&format!("{module}.{}", a.name)) {
                            Ok(v) => v,
                            Err(_) => {
                                return Err(Unwind::Error(PyErr::import_error(format!(
                                    "cannot import name '{}' from '{module}' (unknown location)",
                                    a.name
                                ))))
                            }
                        },
                    };
                    let name = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.store_name(&name, v, env)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    pub(crate) fn module_attr(&self, m: &Value, name: &str) -> Option<Value> {
        match m {
            Value::Module(md) => md.attrs.borrow().get(name).cloned(),
            _ => None,
        }
    }

    /// Imports a module by dotted name.
    pub fn import(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = crate::builtins::load_module(self, name)?;
        let Some(m) = m else {
            let top = name.split('.').next().unwrap_or(name);
            let known = crate::builtins::load_module(self, top)?.is_some();
            let missing = if known { name } else { top };
            return Err(PyErr::module_not_found(format!(
                "No module named '{missing}'"
            )));
        };
        self.modules.insert(name.to_string(), m.clone());
        Ok(m)
    }

    pub(crate) fn exec_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        env: &EnvRef,
    ) -> Exec {
        let mut result = self.exec_block(body, env);
        if let Err(Unwind::Error(err)) = &result {
            if err.kind != "TimeoutError" || self.steps <= self.limits.max_steps {
                let err = err.clone();
                for h in handlers {
                    let matched = match &h.typ {
                        None => true,
                        Some(t) => {
                            let tv = self.eval(t, env)?;
                            self.exc_matches(&err, &tv)?
                        }
                    };
                    if !matched {
                        continue;
                    }
                    if let Some(name) = &h.name {
                        let v = self.exc_value(&err);
                        self.store_name(name, v, env)?;
                    }
                    self.handling.push(err.clone());
                    let r = self.exec_block(&h.body, env);
                    self.handling.pop();
                    if let Some(name) = &h.name {
                        let _ = self.delete_name(name, env);
                    }
                    result = r;
                    break;
                }
            }
        } else if result.is_ok() {
            result = self.exec_block(orelse, env);
        }
        if !finalbody.is_empty() {
            self.exec_block(finalbody, env)?;
        }
        result
    }

    pub(crate) fn exec_with(&mut self, items: &[WithItem], body: &[Stmt], env: &EnvRef) -> Exec {
        let Some((first, rest)) = items.split_first() else {
            return self.exec_block(body, env);
        };
        let mgr = self.eval(&first.context_expr, env)?;
        let entered = self.ctx_enter(&mgr)?;
        if let Some(t) = &first.optional_vars {
            if let Err(e) = self.assign(t, entered, env) {
                self.ctx_exit(&mgr, None)?;
                return Err(Unwind::Error(e));
            }
        }
        let r = self.exec_with(rest, body, env);
        let err = match &r {
            Err(Unwind::Error(e)) => Some(e.clone()),
            _ => None,
        };
        let suppress = self.ctx_exit(&mgr, err.as_ref())?;
        if suppress && err.is_some() {
            return Ok(());
        }
        r
    }

    pub(crate) fn ctx_enter(&mut self, mgr: &Value) -> PyResult<Value> {
        match mgr {
            Value::Native(n) => match n.enter(mgr, self) {
                Some(r) => r,
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    mgr.type_name()
                ))),
            },
            Value::Instance(_) => match self.lookup_special(mgr, "__enter__") {
                Some(f) => self.call(&f, Args::default()),
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    mgr.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                mgr.type_name()
            ))),
        }
    }

    pub(crate) fn ctx_exit(&mut self, mgr: &Value, err: Option<&PyErr>) -> PyResult<bool> {
        match mgr {
            Value::Native(n) => {
                n.exit(self)?;
                Ok(false)
            }
            Value::Instance(_) => {
                let Some(f) = self.lookup_special(mgr, "__exit__") else {
                    return Ok(false);
                };
                let args = match err {
                    Some(e) => {
                        let v = self.exc_value(e);
                        let t = self.type_of(&v);
                        vec![t, v, Value::None]
                    }
                    None => vec![Value::None, Value::None, Value::None],
                };
                let r = self.call(&f, Args::positional(args))?;
                self.truthy(&r)
            }
            _ => Ok(false),
        }
    }

    // ---- exceptions ----

    /// Turns a raised value (class or instance) into a PyErr.
    pub(crate) fn make_raise(&mut self, v: Value) -> PyResult<PyErr> {
        let inst = match &v {
            Value::Class(c) if c.is_exception => self.call(&v, Args::default())?,
            Value::Instance(i) if i.class.is_exception => v.clone(),
            _ => {
                return Err(PyErr::type_error(
                    "exceptions must derive from BaseException",
                ))
            }
        };
        let Value::Instance(i) = &inst else {
            return Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            ));
        };
        let message = self.to_str(&inst)?;
        let mut e = PyErr::new(&i.class.name, message);
        e.value = Some(inst.clone());
        Ok(e)
    }

    /// The exception object for an error (materialised for errors raised by Rust code).
    pub(crate) fn exc_value(&mut self, err: &PyErr) -> Value {
        if let Some(v) = &err.value {
            return v.clone();
        }
        let class = self.exc_class(&err.kind);
        let args = match &err.args {
            Some(a) => a.clone(),
            None if err.message.is_empty() => Vec::new(),
            None => vec![Value::str(&err.message)],
        };
        crate::builtins::new_exc_instance(class, args)
    }

    pub(crate) fn exc_matches(&mut self, err: &PyErr, typ: &Value) -> PyResult<bool> {
        let cls = match &err.value {
            Some(Value::Instance(i)) => i.class.clone(),
            _ => self.exc_class(&err.kind),
        };
        self.class_matches(&cls, typ)
    }

    pub(crate) fn class_matches(&mut self, cls: &Rc<Class>, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) if c.is_exception => Ok(is_subclass(cls, c)),
            Value::Tuple(t) => {
                for x in &t.items {
                    if self.class_matches(cls, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    // ---- names ----

    pub(crate) fn assign(&mut self, target: &Expr, v: Value, env: &EnvRef) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n, v, env),
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, env)?;
                self.set_attr(&obj, attr, v)
                    .map_err(|e| e.with_span(target.span))
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, env)?;
                let key = self.eval(slice, env)?;
                self.set_item(&obj, &key, v)
                    .map_err(|e| e.with_span(target.span))
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => self
                .unpack(items, v, env)
                .map_err(|e| e.with_span(target.span)),
            ExprKind::Starred(inner) => self.assign(inner, v, env),
            _ => Err(PyErr::syntax_error("cannot assign to expression").with_span(target.span)),
        }
    }

    pub(crate) fn unpack(&mut self, targets: &[Expr], v: Value, env: &EnvRef) -> PyResult<()> {
        let items = match &v {
            Value::Tuple(t) => t.items.clone(),
            Value::List(l) => l.items.borrow().clone(),
            _ => {
                if !self.is_iterable(&v) {
                    return Err(PyErr::type_error(format!(
                        "cannot unpack non-iterable {} object",
                        v.type_name()
                    )));
                }
                self.collect(&v)?
            }
        };
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        match star {
            None => {
                if items.len() > targets.len() {
                    return Err(PyErr::value_error(format!(
                        "too many values to unpack (expected {})",
                        targets.len()
                    )));
                }
                if items.len() < targets.len() {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        items.len()
                    )));
                }
                for (t, item) in targets.iter().zip(items) {
                    self.assign(t, item, env)?;
                }
            }
            Some(si) => {
                let after = targets.len() - si - 1;
                if items.len() < targets.len() - 1 {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(si);
                for (t, item) in targets[..si].iter().zip(items) {
                    self.assign(t, item, env)?;
                }
                self.assign(&targets[si], Value::list(mid), env)?;
                for (t, item) in targets[si + 1..].iter().zip(tail) {
                    self.assign(t, item, env)?;
                }
            }
        }
        Ok(())
    }

    pub(crate) fn aug_assign(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: &Expr,
        env: &EnvRef,
    ) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self
                    .load_name(n, env)
                    .map_err(|e| e.with_span(target.span))?;
                let rhs = self.eval(value, env)?;
                let r = self.inplace_op(&cur, &rhs, op)?;
                self.store_name(n, r, env)
            }
            ExprKind::Attribute { value: obj, attr } => {
                let o = self.eval(obj, env)?;
                let cur = self
                    .get_attr(&o, attr)
                    .map_err(|e| e.with_span(target.span))?;
                let rhs = self.eval(value, env)?;
                let r = self.inplace_op(&cur, &rhs, op)?;
                self.set_attr(&o, attr, r)
            }
            ExprKind::Subscript { value: obj, slice } => {
                let o = self.eval(obj, env)?;
                let k = self.eval(slice, env)?;
                let cur = self
                    .get_item(&o, &k)
                    .map_err(|e| e.with_span(target.span))?;
                let rhs = self.eval(value, env)?;
                let r = self.inplace_op(&cur, &rhs, op)?;
                self.set_item(&o, &k, r)
            }
            _ => Err(PyErr::syntax_error(
                "illegal expression for augmented assignment",
            )),
        }
    }

    pub(crate) fn delete(&mut self, target: &Expr, env: &EnvRef) -> PyResult<()> {
        match &target.kind {
            ExprKind::Name(n) => self
                .delete_name(n, env)
                .map_err(|e| e.with_span(target.span)),
            ExprKind::Subscript { value, slice } => {
                let o = self.eval(value, env)?;
                let k = self.eval(slice, env)?;
                self.del_item(&o, &k).map_err(|e| e.with_span(target.span))
            }
            ExprKind::Attribute { value, attr } => {
                let o = self.eval(value, env)?;
                self.del_attr(&o, attr)
                    .map_err(|e| e.with_span(target.span))
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i, env)?;
                }
                Ok(())
            }
            _ => Err(PyErr::syntax_error("cannot delete expression")),
        }
    }

    // ---- expressions ----
}
