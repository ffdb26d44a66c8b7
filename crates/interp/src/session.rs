//! `Session`: the API used by `pyrun` and the web app. Runs a whole program or one
//! top-level statement at a time, with limits, captured output and Python-style errors.

use crate::ast::Stmt;
use crate::error::{Diagnostic, PyErr};
use crate::eval::{Interp, Limits};
use crate::parser::parse_module;
use crate::value::Value;
use std::io::Write;
use std::rc::Rc;

/// Session configuration.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Config {
    pub limits: Limits,
    /// The file name shown in tracebacks (`File "lesson.py", line 3, in <module>`).
    pub filename: String,
    /// Fill `RunResult::graph` with the autograd graph of the global tensors.
    pub snapshot_graph: bool,
    /// Record a `BackwardTrace` for every `backward()` (for the step-by-step debugger).
    pub trace_backward: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            limits: Limits::default(),
            filename: "<stdin>".into(),
            snapshot_graph: false,
            trace_backward: false,
        }
    }
}

/// What a `run` or `step` produced.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RunResult {
    /// Program output since the last `run`/`load` (for stepping: the output so far).
    pub stdout: String,
    /// What the program wrote to `sys.stderr` (not including the traceback).
    pub stderr: String,
    /// The line of each warning in `stderr`, in order (the editor marks them).
    pub warning_lines: Vec<u32>,
    /// The process exit status `python` would return: 0, 1 after an uncaught exception,
    /// or the code given to `sys.exit()`.
    pub exit_code: i32,
    /// The uncaught exception, if any.
    pub error: Option<Diagnostic>,
    /// The Python-style traceback of `error` (what `python` prints on stderr).
    pub traceback: Option<String>,
    /// Line of the statement just executed (stepping) or of the error.
    pub line: Option<u32>,
    /// Line of the next top-level statement to run when stepping.
    pub next_line: Option<u32>,
    /// True when there is nothing left to step (finished or failed).
    pub done: bool,
    /// Execution steps used so far.
    pub steps: u64,
    /// The autograd graph reachable from global tensors, labelled with their variable
    /// names (empty unless `Config::snapshot_graph`).
    pub graph: autograd::GraphSnapshot,
    /// One trace per `backward()` run by this call (empty unless `Config::trace_backward`).
    pub traces: Vec<autograd::BackwardTrace>,
}

impl RunResult {
    /// `stdout` followed by the last traceback line, as the golden `.out` files hold it.
    pub fn transcript(&self) -> String {
        let mut s = self.stdout.clone();
        // Like the golden generator: after a non-zero exit, the last non-empty stderr line.
        let err_text = match &self.traceback {
            Some(tb) => Some(tb.as_str()),
            None if self.exit_code != 0 => Some(self.stderr.as_str()),
            None => None,
        };
        if let Some(last) = err_text.and_then(|t| t.lines().rev().find(|l| !l.trim().is_empty())) {
            s.push_str(last);
            s.push('\n');
        }
        s
    }
}

/// An interpreter session: globals persist across `run` calls (like a REPL) until `reset`.
pub struct Session {
    config: Config,
    interp: Interp,
    program: Vec<Stmt>,
    next: usize,
    failed: bool,
}

impl Session {
    pub fn new(config: Config) -> Session {
        let mut interp = Interp::new(config.limits.clone());
        interp.trace_backward = config.trace_backward;
        interp.filename = config.filename.clone();
        Session {
            config,
            interp,
            program: Vec::new(),
            next: 0,
            failed: false,
        }
    }

    /// Also streams program output to `w` as it is produced (e.g. stdout for `pyrun`).
    pub fn set_writer(&mut self, w: Box<dyn Write>) {
        self.interp.out.writer = Some(w);
    }

    /// Also streams what the program writes to `sys.stderr` to `w`.
    pub fn set_err_writer(&mut self, w: Box<dyn Write>) {
        self.interp.out.err_writer = Some(w);
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Forgets all state (globals, output, loaded program); keeps the configuration.
    pub fn reset(&mut self) {
        let writer = self.interp.out.writer.take();
        let err_writer = self.interp.out.err_writer.take();
        self.interp = Interp::new(self.config.limits.clone());
        self.interp.trace_backward = self.config.trace_backward;
        self.interp.filename = self.config.filename.clone();
        self.interp.out.err_writer = err_writer;
        self.interp.out.writer = writer;
        self.program.clear();
        self.next = 0;
        self.failed = false;
    }

    /// All output captured since the last `run`/`load`.
    pub fn output(&self) -> &str {
        &self.interp.out.captured
    }

    /// Parses and runs a whole program.
    pub fn run(&mut self, source: &str) -> RunResult {
        let r = self.load(source);
        if r.error.is_some() {
            return r;
        }
        let program = std::mem::take(&mut self.program);
        let res = self.interp.exec_module_stmts(&program);
        self.program = program;
        self.next = self.program.len();
        let mut out = self.result(res.err(), None);
        out.done = true;
        out
    }

    /// Parses a program for stepping; a syntax error is reported at once.
    pub fn load(&mut self, source: &str) -> RunResult {
        self.interp.out.captured.clear();
        self.interp.out.stderr.clear();
        self.interp.out.warning_lines.clear();
        self.interp.out.dropped = false;
        self.interp.steps = 0;
        self.interp.source = Rc::from(source);
        // Like a new module: its warnings are shown again.
        self.interp.warned.clear();
        self.next = 0;
        self.failed = false;
        match parse_module(source) {
            Ok(m) => {
                self.program = m.body;
                let mut r = self.result(None, None);
                r.done = self.program.is_empty();
                r
            }
            Err(e) => {
                self.program.clear();
                self.failed = true;
                let mut r = self.result(Some(e), None);
                r.done = true;
                r
            }
        }
    }

    /// Runs the next top-level statement of the loaded program.
    pub fn step(&mut self) -> RunResult {
        if self.failed || self.next >= self.program.len() {
            let mut r = self.result(None, None);
            r.done = true;
            return r;
        }
        let stmt = self.program[self.next].clone();
        self.next += 1;
        let res = self.interp.exec_module_stmts(std::slice::from_ref(&stmt));
        if res.is_err() {
            self.failed = true;
        }
        let mut r = self.result(res.err(), Some(stmt.span.line));
        r.done = self.failed || self.next >= self.program.len();
        r
    }

    /// Line of the next statement `step` would run.
    pub fn next_line(&self) -> Option<u32> {
        if self.failed {
            return None;
        }
        self.program.get(self.next).map(|s| s.span.line)
    }

    /// Names and reprs of the user's global variables, in definition order.
    pub fn globals(&mut self) -> Vec<(String, String)> {
        let names: Vec<std::rc::Rc<str>> = self.interp.global_order.borrow().clone();
        let mut out = Vec::new();
        for n in names {
            if n.starts_with("__") {
                continue;
            }
            if let Some(v) = self.interp.get_global(&n) {
                let r = self.interp.repr(&v).unwrap_or_else(|e| e.last_line());
                out.push((n.to_string(), r));
            }
        }
        out
    }

    /// Direct access to the interpreter (for embedding and the torch bindings).
    pub fn interp(&mut self) -> &mut Interp {
        &mut self.interp
    }

    fn result(&mut self, err: Option<PyErr>, line: Option<u32>) -> RunResult {
        // `sys.exit()` ends the program quietly, as in Python.
        let mut exit_code = if err.is_some() { 1 } else { 0 };
        let err = match err {
            Some(e) if e.kind == "SystemExit" => {
                let arg = e.args.as_ref().and_then(|a| a.first().cloned());
                exit_code = match &arg {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(i)) => *i as i32,
                    Some(other) => {
                        let msg = self.interp.to_str(other).unwrap_or_default();
                        self.interp.write_err(&format!("{msg}\n"));
                        1
                    }
                };
                self.failed = true;
                None
            }
            other => other,
        };
        let mut stdout = self.interp.out.captured.clone();
        if self.interp.out.dropped {
            stdout.push_str("\n[output truncated]\n");
        }
        let (error, traceback, line) = match err {
            Some(e) => {
                let tb =
                    self.interp
                        .format_traceback(&e, &self.config.filename, &self.interp.source);
                let d = Diagnostic::from_err(&e);
                let l = if d.line > 0 { Some(d.line) } else { line };
                (Some(d), Some(tb), l)
            }
            None => (None, None, line),
        };
        let graph = if self.config.snapshot_graph {
            autograd::GraphSnapshot::build(&self.interp.named_tensors()).0
        } else {
            autograd::GraphSnapshot::default()
        };
        RunResult {
            stdout,
            stderr: self.interp.out.stderr.clone(),
            warning_lines: self.interp.out.warning_lines.clone(),
            exit_code,
            error,
            traceback,
            line,
            next_line: self.next_line(),
            done: false,
            steps: self.interp.steps,
            graph,
            traces: std::mem::take(&mut self.interp.traces),
        }
    }
}

/// Native stack the interpreter needs at the default limits, with room to spare.
/// Debug builds use far more stack per Python call than release builds.
pub const RECOMMENDED_STACK: usize = 256 << 20;

/// Runs `f` on a thread with [`RECOMMENDED_STACK`] bytes of stack (native targets only).
/// `pyrun` and the tests use it; a wasm host sets its stack size at link time instead.
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match std::thread::Builder::new()
        .stack_size(RECOMMENDED_STACK)
        .spawn(f)
    {
        Ok(h) => match h.join() {
            Ok(v) => v,
            Err(p) => std::panic::resume_unwind(p),
        },
        Err(e) => panic!("cannot spawn interpreter thread: {e}"),
    }
}
