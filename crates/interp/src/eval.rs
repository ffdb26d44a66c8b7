//! Tree-walking evaluator: statements, expressions, names, calls and classes.

use crate::ast::*;
use crate::error::{PyErr, PyResult, TbEntry};
use crate::iter;
use crate::value::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

/// Control flow that unwinds the Rust stack: exceptions, `return`, `break`, `continue`.
enum Unwind {
    Error(PyErr),
    Return(Value),
    Break,
    Continue,
}

impl From<PyErr> for Unwind {
    fn from(e: PyErr) -> Unwind {
        Unwind::Error(e)
    }
}

type Exec = Result<(), Unwind>;

/// Resource limits of one interpreter.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Limits {
    /// Execution budget in steps (statements, calls, loop iterations, iterator steps).
    pub max_steps: u64,
    /// Largest single list/string/tensor allocation, in bytes (approximate).
    pub max_memory: usize,
    /// Maximum depth of nested Python calls (RecursionError beyond).
    pub recursion_limit: usize,
    /// Maximum bytes of program output kept (further output is dropped).
    pub max_output: usize,
}

/// Python's default recursion limit natively. A wasm module gets 1 MB of stack unless linked
/// with more, and one Python call level takes about 1.3 KB of it in release builds, so the
/// browser default is lower (raise it together with `-C link-arg=-zstack-size=...`).
#[cfg(not(target_arch = "wasm32"))]
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;
#[cfg(target_arch = "wasm32")]
pub const DEFAULT_RECURSION_LIMIT: usize = 500;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 10_000_000,
            max_memory: 256 << 20,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            max_output: 16 << 20,
        }
    }
}

/// Positional and keyword arguments of a call.
#[derive(Default, Clone)]
pub struct Args {
    pub positional: Vec<Value>,
    pub kwargs: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn positional(positional: Vec<Value>) -> Args {
        Args {
            positional,
            kwargs: Vec::new(),
        }
    }

    /// Removes and returns keyword argument `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kwargs.iter().position(|(k, _)| &**k == name)?;
        Some(self.kwargs.remove(i).1)
    }

    /// Positional argument `i`, or keyword `name`.
    pub fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.positional.get(i).cloned()
    }

    /// Fails with Python's message if any keyword arguments are left.
    pub fn no_kwargs(&self, fname: &str) -> PyResult<()> {
        if let Some((k, _)) = self.kwargs.first() {
            return Err(PyErr::type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
        Ok(())
    }

    /// Checks the positional count is within `min..=max`.
    pub fn count(&self, fname: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.positional.len();
        if n >= min && n <= max {
            return Ok(());
        }
        Err(PyErr::type_error(if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!(
                "{fname} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        }))
    }
}

pub(crate) enum EnvKind {
    Function(Rc<FunctionDef>),
    Comprehension(Rc<Scope>),
    Class,
}

/// A local namespace: a function call, a comprehension or a class body.
pub struct Env {
    pub(crate) vars: RefCell<HashMap<Rc<str>, Value>>,
    pub(crate) parent: Option<Rc<Env>>,
    pub(crate) kind: EnvKind,
}

impl Env {
    fn scope(&self) -> Option<&Scope> {
        match &self.kind {
            EnvKind::Function(f) => Some(&f.scope),
            EnvKind::Comprehension(s) => Some(s),
            EnvKind::Class => None,
        }
    }
}

pub(crate) type EnvRef = Option<Rc<Env>>;

struct FrameInfo {
    name: String,
    func: Option<Rc<Function>>,
    env: EnvRef,
}

/// Where program output goes: always captured; optionally also streamed to a writer.
pub(crate) struct Output {
    pub captured: String,
    pub writer: Option<Box<dyn Write>>,
    pub dropped: bool,
}

/// The interpreter state: globals, builtins, limits, output.
pub struct Interp {
    pub(crate) globals: RefCell<HashMap<Rc<str>, Value>>,
    pub(crate) global_order: RefCell<Vec<Rc<str>>>,
    pub(crate) builtins: HashMap<Rc<str>, Value>,
    pub(crate) exc_classes: HashMap<String, Rc<Class>>,
    pub(crate) modules: HashMap<String, Value>,
    pub(crate) out: Output,
    pub limits: Limits,
    pub(crate) steps: u64,
    depth: usize,
    frames: Vec<FrameInfo>,
    /// Exceptions being handled (innermost last), for bare `raise`.
    handling: Vec<PyErr>,
    /// Objects currently being repr'd (cycle detection).
    pub(crate) repr_stack: Vec<usize>,
    /// Nesting depth of container comparisons.
    pub(crate) cmp_depth: usize,
    /// Nesting depth of iterators advancing iterators (`map(f, map(f, ...))`).
    pub(crate) iter_depth: usize,
    /// Line of the statement being executed.
    pub current_line: u32,
    /// Set while library Python code (the torch prelude) is being defined.
    pub(crate) hidden_defs: bool,
    /// Record a `BackwardTrace` for every backward call (for the debugger).
    pub trace_backward: bool,
    /// Traces recorded since the last `take_traces`.
    pub traces: Vec<autograd::BackwardTrace>,
    /// For each trace, the graph as it was when that backward started (the trace's node ids
    /// refer to it), labelled with the variable names.
    pub trace_graphs: Vec<autograd::GraphSnapshot>,
}

impl Interp {
    pub fn new(limits: Limits) -> Interp {
        // Tensor allocations obey the same memory budget (storage is 8 bytes per element).
        autograd::set_max_elements((limits.max_memory / 8).max(1));
        let mut interp = Interp::bare(limits);
        crate::builtins::install(&mut interp);
        interp.set_global("__name__", Value::str("__main__"));
        interp
    }

    /// An interpreter without builtins (cheap; a stand-in while the real one is lent out).
    pub(crate) fn bare(limits: Limits) -> Interp {
        Interp {
            globals: RefCell::new(HashMap::new()),
            global_order: RefCell::new(Vec::new()),
            builtins: HashMap::new(),
            exc_classes: HashMap::new(),
            modules: HashMap::new(),
            out: Output {
                captured: String::new(),
                writer: None,
                dropped: false,
            },
            limits,
            steps: 0,
            depth: 0,
            frames: Vec::new(),
            handling: Vec::new(),
            repr_stack: Vec::new(),
            cmp_depth: 0,
            iter_depth: 0,
            current_line: 0,
            hidden_defs: false,
            trace_backward: false,
            traces: Vec::new(),
            trace_graphs: Vec::new(),
        }
    }

    // ---- output, limits ----

    /// Writes program output (print).
    pub fn write_out(&mut self, s: &str) {
        if self.out.captured.len() + s.len() > self.limits.max_output {
            self.out.dropped = true;
            return;
        }
        self.out.captured.push_str(s);
        if let Some(w) = self.out.writer.as_mut() {
            let _ = w.write_all(s.as_bytes());
        }
    }

    /// Counts one execution step against the budget.
    pub fn tick(&mut self) -> PyResult<()> {
        self.steps += 1;
        if self.steps > self.limits.max_steps {
            return Err(PyErr::timeout_error(format!(
                "execution step limit exceeded ({} steps); the program may be in an infinite loop",
                self.limits.max_steps
            )));
        }
        Ok(())
    }

    /// Checks an allocation of `bytes` against the memory budget.
    pub fn check_alloc(&self, bytes: u128) -> PyResult<()> {
        if bytes > self.limits.max_memory as u128 {
            return Err(PyErr::memory_error(""));
        }
        Ok(())
    }

    pub fn set_global(&self, name: &str, v: Value) {
        let key: Rc<str> = Rc::from(name);
        let mut g = self.globals.borrow_mut();
        if g.insert(key.clone(), v).is_none() {
            self.global_order.borrow_mut().push(key);
        }
    }

    pub fn get_global(&self, name: &str) -> Option<Value> {
        self.globals.borrow().get(name).cloned()
    }

    /// The class object of a builtin exception type, created on demand for unknown names.
    pub fn exc_class(&mut self, kind: &str) -> Rc<Class> {
        if let Some(c) = self.exc_classes.get(kind) {
            return c.clone();
        }
        let base = self.exc_classes.get("Exception").cloned();
        let c = crate::builtins::new_exc_class(kind, base);
        self.exc_classes.insert(kind.to_string(), c.clone());
        c
    }

    // ---- running ----

    /// Runs statements at module level.
    pub fn exec_module_stmts(&mut self, body: &[Stmt]) -> Result<(), PyErr> {
        match self.exec_block(body, &None) {
            Ok(()) => Ok(()),
            Err(Unwind::Error(e)) => Err(e),
            Err(Unwind::Return(_)) => Err(PyErr::syntax_error("'return' outside function")),
            Err(Unwind::Break) => Err(PyErr::syntax_error("'break' outside loop")),
            Err(Unwind::Continue) => Err(PyErr::syntax_error("'continue' not properly in loop")),
        }
    }

    fn exec_block(&mut self, body: &[Stmt], env: &EnvRef) -> Exec {
        for s in body {
            self.exec_stmt(s, env)?;
        }
        Ok(())
    }

    fn frame_name(&self) -> String {
        self.frames
            .last()
            .map(|f| f.name.clone())
            .unwrap_or_else(|| "<module>".into())
    }

    fn exec_stmt(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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

    fn exec_stmt_inner(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_assign(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_ann_assign(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_return(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_if(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_while(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_for(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_function_def(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_class_def(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_delete(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_raise(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_assert(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_try(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_import(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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
    fn stmt_import_from(&mut self, s: &Stmt, env: &EnvRef) -> Exec {
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

    fn module_attr(&self, m: &Value, name: &str) -> Option<Value> {
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

    fn exec_try(
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

    fn exec_with(&mut self, items: &[WithItem], body: &[Stmt], env: &EnvRef) -> Exec {
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

    fn ctx_enter(&mut self, mgr: &Value) -> PyResult<Value> {
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

    fn ctx_exit(&mut self, mgr: &Value, err: Option<&PyErr>) -> PyResult<bool> {
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
    fn make_raise(&mut self, v: Value) -> PyResult<PyErr> {
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

    fn exc_matches(&mut self, err: &PyErr, typ: &Value) -> PyResult<bool> {
        let cls = match &err.value {
            Some(Value::Instance(i)) => i.class.clone(),
            _ => self.exc_class(&err.kind),
        };
        self.class_matches(&cls, typ)
    }

    fn class_matches(&mut self, cls: &Rc<Class>, typ: &Value) -> PyResult<bool> {
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

    pub(crate) fn load_name(&self, name: &Rc<str>, env: &EnvRef) -> PyResult<Value> {
        let mut cur = env.as_ref();
        let mut first = true;
        while let Some(e) = cur {
            match e.scope() {
                None => {
                    if first {
                        if let Some(v) = e.vars.borrow().get(name) {
                            return Ok(v.clone());
                        }
                    }
                }
                Some(scope) => {
                    if scope.globals.contains(name) {
                        break;
                    }
                    if let Some(v) = e.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    if scope.locals.contains(name) && matches!(e.kind, EnvKind::Function(_)) {
                        return Err(if first {
                            PyErr::new(
                                "UnboundLocalError",
                                format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                ),
                            )
                        } else {
                            PyErr::name_error(format!(
                                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                            ))
                        });
                    }
                }
            }
            first = false;
            cur = e.parent.as_ref();
        }
        if let Some(v) = self.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.get(name) {
            return Ok(v.clone());
        }
        let mut e = PyErr::name_error(format!("name '{name}' is not defined"));
        e.suggestion = self.name_suggestion(name, env);
        Err(e)
    }

    /// CPython's NameError hint: the frame's locals, then globals, then builtins.
    fn name_suggestion(&self, name: &str, env: &EnvRef) -> Option<String> {
        use crate::suggest::{suggest, BUILTIN_NAMES};
        if let Some(e) = env
            .as_ref()
            .filter(|e| matches!(e.kind, EnvKind::Function(_)))
        {
            let mut locals: Vec<Rc<str>> = e.vars.borrow().keys().cloned().collect();
            if let EnvKind::Function(def) = &e.kind {
                let order: Vec<&Rc<str>> = def.args.args.iter().map(|a| &a.arg).collect();
                locals.sort_by_key(|k| order.iter().position(|o| *o == k).unwrap_or(usize::MAX));
            }
            if let Some(s) = suggest(name, locals.iter().map(|k| &**k)) {
                return Some(s);
            }
        }
        let globals = self.global_order.borrow();
        if let Some(s) = suggest(name, globals.iter().map(|k| &**k)) {
            return Some(s);
        }
        suggest(name, BUILTIN_NAMES.iter().copied())
    }

    pub(crate) fn store_name(&self, name: &str, v: Value, env: &EnvRef) -> PyResult<()> {
        if let Some(e) = env {
            match e.scope() {
                None => {
                    e.vars.borrow_mut().insert(Rc::from(name), v);
                    return Ok(());
                }
                Some(scope) => {
                    if scope.globals.contains(name) {
                        self.set_global(name, v);
                        return Ok(());
                    }
                    if scope.nonlocals.contains(name) {
                        let mut cur = e.parent.as_ref();
                        while let Some(p) = cur {
                            if matches!(p.kind, EnvKind::Function(_))
                                && p.scope().is_some_and(|s| s.locals.contains(name))
                            {
                                p.vars.borrow_mut().insert(Rc::from(name), v);
                                return Ok(());
                            }
                            cur = p.parent.as_ref();
                        }
                        return Err(PyErr::syntax_error(format!(
                            "no binding for nonlocal '{name}' found"
                        )));
                    }
                    e.vars.borrow_mut().insert(Rc::from(name), v);
                    return Ok(());
                }
            }
        }
        self.set_global(name, v);
        Ok(())
    }

    fn delete_name(&self, name: &str, env: &EnvRef) -> PyResult<()> {
        if let Some(e) = env {
            let is_global = e.scope().is_some_and(|s| s.globals.contains(name));
            if !is_global {
                return match e.vars.borrow_mut().remove(name) {
                    Some(_) => Ok(()),
                    None => Err(PyErr::name_error(format!("name '{name}' is not defined"))),
                };
            }
        }
        match self.globals.borrow_mut().remove(name) {
            Some(_) => {
                self.global_order.borrow_mut().retain(|k| &**k != name);
                Ok(())
            }
            None => Err(PyErr::name_error(format!("name '{name}' is not defined"))),
        }
    }

    // ---- assignment ----

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

    fn unpack(&mut self, targets: &[Expr], v: Value, env: &EnvRef) -> PyResult<()> {
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

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr, env: &EnvRef) -> PyResult<()> {
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

    fn delete(&mut self, target: &Expr, env: &EnvRef) -> PyResult<()> {
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

    /// Evaluates an expression; errors get the expression's span if they have none.
    pub(crate) fn eval(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        self.eval_inner(e, env).map_err(|err| err.with_span(e.span))
    }

    fn eval_inner(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Constant(c) => Ok(match c {
                Constant::None => Value::None,
                Constant::Bool(b) => Value::Bool(*b),
                Constant::Int(i) => Value::Int(*i),
                Constant::BigInt(b) => Value::BigInt(b.clone()),
                Constant::Float(f) => Value::Float(*f),
                Constant::Str(s) => Value::Str(s.clone()),
                Constant::Ellipsis => Value::Ellipsis,
            }),
            ExprKind::Name(n) => self.load_name(n, env),
            ExprKind::BinOp { .. } => self.expr_bin_op(e, env),
            ExprKind::UnaryOp { .. } => self.expr_unary_op(e, env),
            ExprKind::BoolOp { .. } => self.expr_bool_op(e, env),
            ExprKind::Compare { .. } => self.expr_compare(e, env),
            ExprKind::NamedExpr { .. } => self.expr_named_expr(e, env),
            ExprKind::IfExp { .. } => self.expr_if_exp(e, env),
            ExprKind::Lambda(def) => self.make_function(def, env),
            ExprKind::Call { .. } => self.expr_call(e, env),
            ExprKind::Attribute { .. } => self.expr_attribute(e, env),
            ExprKind::Subscript { .. } => self.expr_subscript(e, env),
            ExprKind::Slice { .. } => self.expr_slice(e, env),
            ExprKind::List(..) => self.expr_list(e, env),
            ExprKind::Tuple(..) => self.expr_tuple(e, env),
            ExprKind::Set(..) => self.expr_set(e, env),
            ExprKind::Dict { .. } => self.expr_dict(e, env),
            ExprKind::ListComp { .. } => self.expr_list_comp(e, env),
            ExprKind::GeneratorExp { .. } => self.expr_generator_exp(e, env),
            ExprKind::SetComp { .. } => self.expr_set_comp(e, env),
            ExprKind::DictComp { .. } => self.expr_dict_comp(e, env),
            ExprKind::JoinedStr(..) => self.expr_joined_str(e, env),
            ExprKind::FormattedValue { .. } => self.expr_formatted_value(e, env),
            ExprKind::Starred(_) => Err(PyErr::syntax_error("can't use starred expression here")),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_bin_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::BinOp { left, op, right } => {
                let a = self.eval(left, env)?;
                let b = self.eval(right, env)?;
                self.binary_op(&a, &b, *op)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_unary_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(operand, env)?;
                self.unary_op(*op, &v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_bool_op(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for (i, ve) in values.iter().enumerate() {
                    last = self.eval(ve, env)?;
                    if i + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last)?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_compare(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut a = self.eval(left, env)?;
                let mut result = Value::Bool(true);
                for (i, (op, ce)) in ops.iter().zip(comparators).enumerate() {
                    let b = self.eval(ce, env)?;
                    result = self.compare(&a, &b, *op)?;
                    if i + 1 < ops.len() && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    a = b;
                }
                Ok(result)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_named_expr(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(value, env)?;
                // `:=` inside a comprehension binds in the enclosing function or module.
                let mut target_env = env.clone();
                while let Some(e) = &target_env {
                    if matches!(e.kind, EnvKind::Comprehension(_)) {
                        target_env = e.parent.clone();
                    } else {
                        break;
                    }
                }
                self.store_name(target, v.clone(), &target_env)?;
                Ok(v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_if_exp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(test, env)?;
                if self.truthy(&t)? {
                    self.eval(body, env)
                } else {
                    self.eval(orelse, env)
                }
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_call(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let f = self.eval(func, env)?;
                let args = self.eval_args(args, keywords, env)?;
                self.call(&f, args)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_attribute(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Attribute { value, attr } => {
                let v = self.eval(value, env)?;
                self.get_attr(&v, attr)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_subscript(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Subscript { value, slice } => {
                let v = self.eval(value, env)?;
                let k = self.eval(slice, env)?;
                self.get_item(&v, &k)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_slice(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Slice { lower, upper, step } => {
                let mut ev = |x: &Option<Box<Expr>>| -> PyResult<Value> {
                    match x {
                        Some(e) => self.eval(e, env),
                        None => Ok(Value::None),
                    }
                };
                let start = ev(lower)?;
                let stop = ev(upper)?;
                let step = ev(step)?;
                Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_list(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::List(items) => {
                let v = self.eval_items(items, env)?;
                Ok(Value::list(v))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_tuple(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Tuple(items) => {
                let v = self.eval_items(items, env)?;
                Ok(Value::tuple(v))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_set(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Set(items) => {
                let v = self.eval_items(items, env)?;
                crate::builtins::python::make_set(v)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_dict(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::Dict { keys, values } => {
                let mut data = DictData::default();
                for (k, ve) in keys.iter().zip(values) {
                    match k {
                        Some(k) => {
                            let kv = self.eval(k, env)?;
                            let vv = self.eval(ve, env)?;
                            let hk = kv.hash_key().map_err(|e| e.with_span(k.span))?;
                            data.insert(hk, kv, vv);
                        }
                        None => {
                            let m = self.eval(ve, env)?;
                            let Value::Dict(d) = &m else {
                                return Err(PyErr::type_error(format!(
                                    "'{}' object is not a mapping",
                                    m.type_name()
                                )));
                            };
                            let entries = d.data.borrow().entries.clone();
                            for (k, v) in entries {
                                data.insert(k.hash_key()?, k, v);
                            }
                        }
                    }
                }
                Ok(Value::Dict(Rc::new(DictObj {
                    data: RefCell::new(data),
                })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_list_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::ListComp {
                elt,
                generators,
                scope,
            } => {
                let mut out = Vec::new();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    out.push(it.eval(elt, cenv)?);
                    Ok(())
                })?;
                Ok(Value::list(out))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_generator_exp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::GeneratorExp {
                elt,
                generators,
                scope,
            } => {
                // Lazy, as in Python: the first iterable is evaluated now, the rest on demand.
                let Some(first) = generators.first() else {
                    return Ok(iter::from_items(Vec::new(), "generator"));
                };
                let seq = self.eval(&first.iter, env)?;
                let iterator = self.iter(&seq)?;
                let cenv: EnvRef = Some(Rc::new(Env {
                    vars: RefCell::new(HashMap::new()),
                    parent: env.clone(),
                    kind: EnvKind::Comprehension(scope.clone()),
                }));
                Ok(iter::make(iter::IterState::Gen(Box::new(iter::GenState {
                    elt: elt.clone(),
                    gens: generators.clone(),
                    env: cenv,
                    iters: vec![iterator],
                }))))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_set_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::SetComp {
                elt,
                generators,
                scope,
            } => {
                let mut out = Vec::new();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    out.push(it.eval(elt, cenv)?);
                    Ok(())
                })?;
                crate::builtins::python::make_set(out)
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_dict_comp(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::DictComp {
                key,
                value,
                generators,
                scope,
            } => {
                let mut data = DictData::default();
                self.comprehension(generators, scope, env, &mut |it, cenv| {
                    let k = it.eval(key, cenv)?;
                    let v = it.eval(value, cenv)?;
                    data.insert(k.hash_key()?, k, v);
                    Ok(())
                })?;
                Ok(Value::Dict(Rc::new(DictObj {
                    data: RefCell::new(data),
                })))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_joined_str(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::JoinedStr(parts) => {
                let mut s = String::new();
                for p in parts {
                    let v = self.eval(p, env)?;
                    match &v {
                        Value::Str(x) => s.push_str(x),
                        other => s.push_str(&self.to_str(other)?),
                    }
                }
                Ok(Value::str(&s))
            }
            _ => Ok(Value::None),
        }
    }

    // One arm of `eval_inner`/`exec_stmt_inner`, kept out of line so that the recursive
    // evaluator's stack frames stay small (deep Python recursion needs less native stack).
    #[inline(never)]
    #[allow(clippy::single_match, clippy::collapsible_match)]
    fn expr_formatted_value(&mut self, e: &Expr, env: &EnvRef) -> PyResult<Value> {
        match &e.kind {
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                let v = self.eval(value, env)?;
                let v = match conversion {
                    Some('r') | Some('a') => Value::str(&self.repr(&v)?),
                    Some('s') => Value::str(&self.to_str(&v)?),
                    _ => v,
                };
                let spec = match format_spec {
                    Some(s) => {
                        let sv = self.eval(s, env)?;
                        self.to_str(&sv)?
                    }
                    None => String::new(),
                };
                Ok(Value::str(&self.format_value(&v, &spec)?))
            }
            _ => Ok(Value::None),
        }
    }

    fn eval_items(&mut self, items: &[Expr], env: &EnvRef) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            if let ExprKind::Starred(inner) = &i.kind {
                let v = self.eval(inner, env)?;
                out.extend(self.collect(&v)?);
            } else {
                out.push(self.eval(i, env)?);
            }
        }
        Ok(out)
    }

    fn eval_args(&mut self, args: &[Expr], keywords: &[Keyword], env: &EnvRef) -> PyResult<Args> {
        let positional = self.eval_items(args, env)?;
        let mut kwargs: Vec<(Rc<str>, Value)> = Vec::with_capacity(keywords.len());
        for k in keywords {
            let v = self.eval(&k.value, env)?;
            match &k.arg {
                Some(name) => kwargs.push((name.clone(), v)),
                None => {
                    let Value::Dict(d) = &v else {
                        return Err(PyErr::type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            v.type_name()
                        )));
                    };
                    for (k, v) in d.data.borrow().entries.iter() {
                        let Value::Str(s) = k else {
                            return Err(PyErr::type_error("keywords must be strings"));
                        };
                        kwargs.push((s.clone(), v.clone()));
                    }
                }
            }
        }
        Ok(Args { positional, kwargs })
    }

    fn comprehension(
        &mut self,
        gens: &[Comprehension],
        scope: &Rc<Scope>,
        env: &EnvRef,
        body: &mut dyn FnMut(&mut Interp, &EnvRef) -> PyResult<()>,
    ) -> PyResult<()> {
        let Some(first) = gens.first() else {
            return Ok(());
        };
        let seq = self.eval(&first.iter, env)?;
        let iterator = self.iter(&seq)?;
        let cenv: EnvRef = Some(Rc::new(Env {
            vars: RefCell::new(HashMap::new()),
            parent: env.clone(),
            kind: EnvKind::Comprehension(scope.clone()),
        }));
        self.comp_level(gens, 0, iterator, &cenv, body)
    }

    fn comp_level(
        &mut self,
        gens: &[Comprehension],
        level: usize,
        iterator: Value,
        cenv: &EnvRef,
        body: &mut dyn FnMut(&mut Interp, &EnvRef) -> PyResult<()>,
    ) -> PyResult<()> {
        let g = &gens[level];
        'items: while let Some(item) = iter::next_value(self, &iterator)? {
            self.assign(&g.target, item, cenv)?;
            for cond in &g.ifs {
                let c = self.eval(cond, cenv)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            if level + 1 < gens.len() {
                let seq = self.eval(&gens[level + 1].iter, cenv)?;
                let inner = self.iter(&seq)?;
                self.comp_level(gens, level + 1, inner, cenv, body)?;
            } else {
                body(self, cenv)?;
            }
        }
        Ok(())
    }

    /// One step of a lazy generator expression: the next element, or `None` when done.
    pub(crate) fn gen_step(&mut self, st: &mut iter::GenState) -> PyResult<Option<Value>> {
        loop {
            let level = st.iters.len();
            let Some(it) = st.iters.last().cloned() else {
                return Ok(None);
            };
            let Some(item) = iter::next_value(self, &it)? else {
                st.iters.pop();
                continue;
            };
            let g = &st.gens[level - 1];
            self.assign(&g.target, item, &st.env)?;
            let mut keep = true;
            for cond in &g.ifs {
                let c = self.eval(cond, &st.env)?;
                if !self.truthy(&c)? {
                    keep = false;
                    break;
                }
            }
            if !keep {
                continue;
            }
            if level < st.gens.len() {
                let seq = self.eval(&st.gens[level].iter, &st.env)?;
                let inner = self.iter(&seq)?;
                st.iters.push(inner);
                continue;
            }
            return self.eval(&st.elt, &st.env).map(Some);
        }
    }

    // ---- functions and classes ----

    fn make_function(&mut self, def: &Rc<FunctionDef>, env: &EnvRef) -> PyResult<Value> {
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
        let qualname = match env {
            Some(e) if matches!(e.kind, EnvKind::Class) => {
                let cname = e
                    .vars
                    .borrow()
                    .get("__qualname__")
                    .and_then(|v| v.as_str().map(|s| s.to_string()))
                    .unwrap_or_default();
                format!("{cname}.{}", def.name)
            }
            Some(_) => {
                let outer = self
                    .frames
                    .last()
                    .and_then(|f| f.func.as_ref())
                    .map(|f| f.qualname.clone())
                    .unwrap_or_else(|| self.frame_name());
                format!("{outer}.<locals>.{}", def.name)
            }
            None => def.name.to_string(),
        };
        Ok(Value::Function(Rc::new(Function {
            def: def.clone(),
            name: def.name.clone(),
            qualname,
            defaults,
            kw_defaults,
            closure,
            class: RefCell::new(None),
            hidden: self.hidden_defs,
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

    fn make_class(&mut self, def: &Rc<ClassDef>, env: &EnvRef) -> PyResult<Value> {
        let mut bases = Vec::new();
        for b in &def.bases {
            bases.push(self.eval(b, env)?);
        }
        let cenv = Rc::new(Env {
            vars: RefCell::new(HashMap::new()),
            parent: env.clone(),
            kind: EnvKind::Class,
        });
        cenv.vars
            .borrow_mut()
            .insert(Rc::from("__qualname__"), Value::Str(def.name.clone()));
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
            Value::Type(t) => crate::builtins::python::construct(self, *t, args),
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

    fn instantiate(&mut self, c: &Rc<Class>, args: Args) -> PyResult<Value> {
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
        let inst = Value::Instance(Rc::new(Instance {
            class: c.clone(),
            dict: RefCell::new(DictData::default()),
            native: RefCell::new(None),
            id: std::cell::Cell::new(0),
        }));
        if let Some(init) = self.class_lookup(c, "__init__") {
            let mut a = args;
            a.positional.insert(0, inst.clone());
            let r = self.call(&init, a)?;
            if !matches!(r, Value::None) {
                return Err(PyErr::type_error(format!(
                    "__init__() should return None, not '{}'",
                    r.type_name()
                )));
            }
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
        let envref: EnvRef = Some(env);
        self.depth += 1;
        self.frames.push(FrameInfo {
            name: func.name.to_string(),
            func: Some(func.clone()),
            env: envref.clone(),
        });
        let line = self.current_line;
        let r = self.exec_block(&func.def.body, &envref);
        self.frames.pop();
        self.depth -= 1;
        self.current_line = line;
        match r {
            Ok(()) => Ok(Value::None),
            Err(Unwind::Return(v)) => Ok(v),
            Err(Unwind::Error(e)) => Err(e),
            Err(_) => Err(PyErr::syntax_error("'break' outside loop")),
        }
    }

    fn bind_args(&mut self, func: &Function, args: Args) -> PyResult<HashMap<Rc<str>, Value>> {
        let a = &func.def.args;
        let fname = &func.qualname;
        let mut vars: HashMap<Rc<str>, Value> = HashMap::new();
        let npos = a.args.len();
        let mut positional = args.positional;
        let extra: Vec<Value> = if positional.len() > npos {
            positional.split_off(npos)
        } else {
            Vec::new()
        };
        if !extra.is_empty() && a.vararg.is_none() {
            let given = npos + extra.len();
            let nreq = npos - a.defaults.len();
            let takes = if a.defaults.is_empty() {
                format!(
                    "{npos} positional argument{}",
                    if npos == 1 { "" } else { "s" }
                )
            } else {
                format!("from {nreq} to {npos} positional arguments")
            };
            return Err(PyErr::type_error(format!(
                "{fname}() takes {takes} but {given} {} given",
                if given == 1 { "was" } else { "were" }
            )));
        }
        for (p, v) in a.args.iter().zip(positional) {
            vars.insert(p.arg.clone(), v);
        }
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

    /// Renders the traceback of an uncaught error like CPython.
    pub fn format_traceback(&self, err: &PyErr, filename: &str, source: &str) -> String {
        let lines: Vec<&str> = source.lines().collect();
        let src_line = |n: u32| -> Option<String> {
            lines
                .get((n as usize).wrapping_sub(1))
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
        };
        let mut out = String::new();
        if err.is_syntax_error() {
            let span = err.span.unwrap_or_default();
            out.push_str(&format!("  File \"{filename}\", line {}\n", span.line));
            if let Some(raw) = lines.get((span.line as usize).wrapping_sub(1)) {
                let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
                let trimmed = raw.trim();
                if !trimmed.is_empty() {
                    out.push_str(&format!("    {trimmed}\n"));
                    let col = (span.col as usize).saturating_sub(indent);
                    let width = if span.end_line == span.line && span.end_col > span.col {
                        (span.end_col - span.col) as usize
                    } else {
                        1
                    };
                    out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width)));
                }
            }
            out.push_str(&err.last_line());
            out.push('\n');
            return out;
        }
        out.push_str("Traceback (most recent call last):\n");
        let mut entries: Vec<&TbEntry> = err.traceback.iter().collect();
        entries.reverse();
        for t in entries {
            out.push_str(&format!(
                "  File \"{filename}\", line {}, in {}\n",
                t.line, t.name
            ));
            if let Some(l) = src_line(t.line) {
                out.push_str(&format!("    {l}\n"));
            }
        }
        out.push_str(&err.last_line());
        out.push('\n');
        out
    }
}

fn join_names(names: &[Rc<str>]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// `issubclass` over user and builtin exception classes.
pub(crate) fn is_subclass(c: &Rc<Class>, base: &Rc<Class>) -> bool {
    Rc::ptr_eq(c, base) || c.mro.iter().any(|k| Rc::ptr_eq(k, base))
}
