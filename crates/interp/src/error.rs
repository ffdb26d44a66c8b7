//! Python exceptions as Rust values and their user-facing renderings.

use crate::span::Span;
use crate::value::Value;

/// A Python exception in flight: its type name, message and where it happened.
/// (Boxed: errors travel through every `Result` of the evaluator.)
#[derive(Debug, Clone)]
pub struct PyErr(Box<PyErrData>);

impl std::ops::Deref for PyErr {
    type Target = PyErrData;
    fn deref(&self) -> &PyErrData {
        &self.0
    }
}

impl std::ops::DerefMut for PyErr {
    fn deref_mut(&mut self) -> &mut PyErrData {
        &mut self.0
    }
}

/// The fields of a [`PyErr`].
#[derive(Debug, Clone)]
pub struct PyErrData {
    /// The exception class name, e.g. `"TypeError"`.
    pub kind: String,
    /// The text after `ExcType: ` in a traceback (empty for a bare `raise ValueError`).
    pub message: String,
    /// The innermost source range known for the error.
    pub span: Option<Span>,
    /// The exception object when it was raised by Python code (or materialised by `except ... as`).
    pub(crate) value: Option<Value>,
    /// Constructor arguments when they differ from `(message,)` (e.g. the key of a `KeyError`).
    pub(crate) args: Option<Vec<Value>>,
    /// Traceback entries, innermost first: (frame depth, function name, line).
    pub(crate) traceback: Vec<TbEntry>,
    /// CPython's "Did you mean" hint, shown only when the error is printed uncaught.
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TbEntry {
    pub depth: usize,
    pub name: String,
    pub line: u32,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn new(kind: &str, message: impl Into<String>) -> PyErr {
        PyErr(Box::new(PyErrData {
            kind: kind.to_string(),
            message: message.into(),
            span: None,
            value: None,
            args: None,
            traceback: Vec::new(),
            suggestion: None,
        }))
    }

    pub fn with_span(mut self, span: Span) -> PyErr {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    /// The last line of a traceback: `ExcType: message` or just `ExcType`.
    pub fn last_line(&self) -> String {
        if self.message.is_empty() {
            self.kind.clone()
        } else {
            format!("{}: {}", self.kind, self.display_message())
        }
    }

    /// The message with the "Did you mean" hint, as an uncaught traceback shows it.
    pub fn display_message(&self) -> String {
        match &self.suggestion {
            Some(s) => format!("{}. Did you mean: '{s}'?", self.message),
            None => self.message.clone(),
        }
    }

    pub fn is_syntax_error(&self) -> bool {
        self.kind == "SyntaxError" || self.kind == "IndentationError" || self.kind == "TabError"
    }
}

macro_rules! ctor {
    ($($name:ident => $kind:literal),* $(,)?) => {
        impl PyErr {
            $(pub fn $name(message: impl Into<String>) -> PyErr { PyErr::new($kind, message) })*
        }
    };
}

ctor! {
    type_error => "TypeError",
    value_error => "ValueError",
    name_error => "NameError",
    attribute_error => "AttributeError",
    index_error => "IndexError",
    zero_division => "ZeroDivisionError",
    overflow_error => "OverflowError",
    runtime_error => "RuntimeError",
    recursion_error => "RecursionError",
    memory_error => "MemoryError",
    syntax_error => "SyntaxError",
    indentation_error => "IndentationError",
    not_implemented => "NotImplementedError",
    import_error => "ImportError",
    module_not_found => "ModuleNotFoundError",
    stop_iteration => "StopIteration",
    assertion_error => "AssertionError",
    timeout_error => "TimeoutError",
}

/// A serialisable description of an error for editors: where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Diagnostic {
    /// Exception class name, e.g. `"NameError"`.
    pub kind: String,
    pub message: String,
    /// 1-based line (0 when unknown).
    pub line: u32,
    /// 1-based column, as CPython's `SyntaxError.offset` (0 when unknown).
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Diagnostic {
    pub(crate) fn from_err(err: &PyErr) -> Diagnostic {
        let span = err.span.unwrap_or_default();
        let has = span.line > 0;
        Diagnostic {
            kind: err.kind.clone(),
            message: err.display_message(),
            line: span.line,
            column: if has { span.col + 1 } else { 0 },
            end_line: span.end_line,
            end_column: if has { span.end_col + 1 } else { 0 },
        }
    }
}
