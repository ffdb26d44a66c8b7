//! Tree-walking evaluator: statements, expressions, names, calls and classes.

use crate::ast::*;
use crate::error::{PyErr, PyResult};
use crate::fxhash::HashMap;
use crate::value::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Control flow that unwinds the Rust stack: exceptions, `return`, `break`, `continue`.
pub(crate) enum Unwind {
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

pub(crate) type Exec = Result<(), Unwind>;

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
    pub(crate) fn scope(&self) -> Option<&Scope> {
        match &self.kind {
            EnvKind::Function(f) => Some(&f.scope),
            EnvKind::Comprehension(s) => Some(s),
            EnvKind::Class => None,
        }
    }
}

pub(crate) type EnvRef = Option<Rc<Env>>;

pub(crate) struct FrameInfo {
    pub(crate) name: String,
    pub(crate) func: Option<Rc<Function>>,
    pub(crate) env: EnvRef,
    /// The caller's line when the frame was entered (where a warning from library code points).
    pub(crate) call_line: u32,
}

/// Where program output goes: always captured; optionally also streamed to a writer.
pub(crate) struct Output {
    pub captured: String,
    pub writer: Option<Box<dyn Write>>,
    pub dropped: bool,
    /// What the program wrote to `sys.stderr` (and `SystemExit` messages).
    pub stderr: String,
    /// The line each warning on `stderr` points at, in order.
    pub warning_lines: Vec<u32>,
    pub err_writer: Option<Box<dyn Write>>,
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
    pub(crate) depth: usize,
    pub(crate) frames: Vec<FrameInfo>,
    /// Exceptions being handled (innermost last), for bare `raise`.
    pub(crate) handling: Vec<PyErr>,
    /// Objects currently being repr'd (cycle detection).
    pub(crate) repr_stack: Vec<usize>,
    /// Nesting depth of container comparisons.
    pub(crate) cmp_depth: usize,
    /// Instances hashed by their own `__hash__` so far, by hash: each with the number of its
    /// class of equal objects (`HashKey::User`).
    pub(crate) user_keys: HashMap<i64, Vec<(std::rc::Weak<Instance>, usize)>>,
    /// The number of classes of equal objects in `user_keys` so far.
    pub(crate) user_key_count: usize,
    /// Nesting depth of iterators advancing iterators (`map(f, map(f, ...))`).
    pub(crate) iter_depth: usize,
    /// Line of the statement being executed.
    pub current_line: u32,
    /// The program's file name (`sys.argv[0]`).
    pub filename: String,
    /// The program's source text (for the source lines of warnings and tracebacks).
    pub(crate) source: Rc<str>,
    /// The warnings shown so far, by place (a line, or 0 for library code) and text.
    /// (A set: a loop may warn with a new text each pass.)
    pub(crate) warned: crate::fxhash::HashSet<(u32, String)>,
    /// The configured recursion limit (`sys.setrecursionlimit` may only lower it).
    pub(crate) max_recursion_limit: usize,
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
        let max_recursion_limit = limits.recursion_limit;
        Interp {
            globals: RefCell::new(HashMap::default()),
            global_order: RefCell::new(Vec::new()),
            builtins: HashMap::default(),
            exc_classes: HashMap::default(),
            modules: HashMap::default(),
            out: Output {
                captured: String::new(),
                writer: None,
                dropped: false,
                stderr: String::new(),
                warning_lines: Vec::new(),
                err_writer: None,
            },
            limits,
            steps: 0,
            depth: 0,
            frames: Vec::new(),
            handling: Vec::new(),
            repr_stack: Vec::new(),
            user_keys: HashMap::default(),
            user_key_count: 0,
            cmp_depth: 0,
            iter_depth: 0,
            current_line: 0,
            filename: String::new(),
            source: Rc::from(""),
            warned: Default::default(),
            max_recursion_limit,
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

    /// Writes to the program's standard error (`sys.stderr`, `print(file=sys.stderr)`).
    pub fn write_err(&mut self, s: &str) {
        if self.out.stderr.len() + s.len() > self.limits.max_output {
            return;
        }
        self.out.stderr.push_str(s);
        if let Some(w) = self.out.err_writer.as_mut() {
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
    pub(crate) fn name_suggestion(&self, name: &str, env: &EnvRef) -> Option<String> {
        use crate::suggest::{suggest, BUILTIN_NAMES};
        if let Some(e) = env
            .as_ref()
            .filter(|e| matches!(e.kind, EnvKind::Function(_)))
        {
            // Deterministic order: parameters first (as CPython's co_varnames), then by name.
            let locals: Vec<Rc<str>> = e.vars.borrow().keys().cloned().collect();
            let order: Vec<Rc<str>> = match &e.kind {
                EnvKind::Function(def) => def.args.args.iter().map(|a| a.arg.clone()).collect(),
                _ => Vec::new(),
            };
            let mut ranked: Vec<(usize, Rc<str>)> = locals
                .into_iter()
                .map(|k| (order.iter().position(|o| *o == k).unwrap_or(usize::MAX), k))
                .collect();
            // Insertion sort, not `sort_by`: the names are unique and a function's locals
            // few, and each `sort_by` on a new type added about 4 KB of wasm.
            for i in 1..ranked.len() {
                let mut j = i;
                while j > 0 && ranked[j] < ranked[j - 1] {
                    ranked.swap(j, j - 1);
                    j -= 1;
                }
            }
            let locals: Vec<Rc<str>> = ranked.into_iter().map(|(_, k)| k).collect();
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

    pub(crate) fn delete_name(&self, name: &str, env: &EnvRef) -> PyResult<()> {
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
}

pub(crate) fn join_names(names: &[Rc<str>]) -> String {
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

#[cfg(test)]
mod tests {
    use crate::parser::parse_module;

    use super::*;

    /// Runs a program on a fresh interpreter: (output, last traceback line or "").
    fn run(src: &str) -> (String, String) {
        let src = src.to_string();
        crate::session::with_big_stack(move || {
            let mut it = Interp::new(Limits::default());
            let m = parse_module(&src).expect("parses");
            let r = it.exec_module_stmts(&m.body);
            let out = std::mem::take(&mut it.out.captured);
            (out, r.err().map(|e| e.last_line()).unwrap_or_default())
        })
    }

    #[test]
    fn scoping_follows_python() {
        let (out, err) = run(
            "x = 'g'\ndef f():\n    x = 'l'\n    def g():\n        nonlocal x\n        x = 'n'\n    g()\n    return x\nprint(f(), x)\nclass C:\n    y = 1\n    def m(self):\n        return y\ntry:\n    C().m()\nexcept NameError as e:\n    print(e)\n",
        );
        assert_eq!(out, "n g\nname 'y' is not defined\n");
        assert_eq!(err, "");
        let (_, err) = run("def f():\n    print(v)\n    v = 1\nf()\n");
        assert_eq!(
            err,
            "UnboundLocalError: cannot access local variable 'v' where it is not associated with a value"
        );
    }

    #[test]
    fn unwinding_through_loops_and_finally() {
        let (out, _) = run(
            "def f():\n    for i in range(5):\n        try:\n            if i == 1:\n                continue\n            if i == 3:\n                return i\n        finally:\n            print('f', i)\n    return -1\nprint(f())\nwhile True:\n    try:\n        break\n    finally:\n        print('out')\n",
        );
        assert_eq!(out, "f 0\nf 1\nf 2\nf 3\n3\nout\n");
    }

    #[test]
    fn exceptions_match_by_class_hierarchy() {
        let (out, err) = run(
            "class E(ValueError):\n    pass\nfor exc in (E('a'), KeyError('k'), ZeroDivisionError('z')):\n    try:\n        raise exc\n    except LookupError as e:\n        print('lookup', repr(e))\n    except ValueError as e:\n        print('value', type(e).__name__, e)\n    except Exception:\n        print('other')\nraise E('boom')\n",
        );
        assert_eq!(out, "value E a\nlookup KeyError('k')\nother\n");
        assert_eq!(err, "E: boom");
    }

    #[test]
    fn tracebacks_record_each_frame_once() {
        let src = "def a():\n    return b()\ndef b():\n    if True:\n        return 1 / 0\na()\n"
            .to_string();
        let tb = crate::session::with_big_stack(move || {
            let mut it = Interp::new(Limits::default());
            let m = parse_module(&src).expect("parses");
            let e = it.exec_module_stmts(&m.body).expect_err("raises");
            it.format_traceback(&e, "t.py", &src)
        });
        assert_eq!(
            tb,
            "Traceback (most recent call last):\n  File \"t.py\", line 6, in <module>\n    a()\n  File \"t.py\", line 2, in a\n    return b()\n  File \"t.py\", line 5, in b\n    return 1 / 0\nZeroDivisionError: division by zero\n"
        );
    }

    #[test]
    fn step_budget_is_sticky() {
        let src = "n = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        pass\n".to_string();
        let err = crate::session::with_big_stack(move || {
            let mut it = Interp::new(Limits {
                max_steps: 500,
                ..Limits::default()
            });
            let m = parse_module(&src).expect("parses");
            it.exec_module_stmts(&m.body)
                .expect_err("times out")
                .kind
                .clone()
        });
        assert_eq!(err, "TimeoutError");
    }
}
