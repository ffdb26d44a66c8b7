//! Messages between the page and the interpreter's Web Worker, as postcard bytes.
//!
//! postcard rather than JSON: a 500-node graph decodes several times faster, the messages are
//! smaller, and its code is a fraction of serde_json's in the wasm. Both ends are this module,
//! built together, so a self-describing format buys nothing.
//!
//! The interpreter runs in a worker so that a long or endless script never blocks the page:
//! Stop terminates the worker, and a panic (a bug) kills only the worker, which is restarted.

use autograd::{BackwardTrace, GraphSnapshot};
use serde::{Deserialize, Serialize};

/// The worker's first message: its handler is installed and requests may be sent.
pub const READY: &str = "ready";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Start a fresh session, run `prelude` (the earlier lesson cells) without showing their
    /// output, then run `code`: all of it, or with `stepping` only its first statement.
    Run {
        prelude: Vec<String>,
        code: String,
        stepping: bool,
    },
    /// Run the next top-level statement of the code loaded by a stepping `Run`.
    Step,
    /// Run a short, typical program in a throwaway session and reply nothing. A fresh worker
    /// runs the wasm unoptimised at first and compiles what turns out hot in the background;
    /// the page asks for this once it has shown its first output, so that compiling happens
    /// while the learner reads, not during their first Run. It runs in short rounds, and the
    /// next request cancels what is left (`Runner::warm_up_round`).
    WarmUp,
}

/// What one `Request` produced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// Everything the cell printed so far.
    pub stdout: String,
    /// What the cell wrote to standard error so far: PyTorch's warnings, `print(file=sys.stderr)`
    /// (not the traceback: see `error`).
    pub stderr: String,
    /// The cell line each warning in `stderr` points at.
    pub warning_lines: Vec<u32>,
    pub error: Option<Diagnostic>,
    /// The computation graph of the variables alive after the last statement.
    pub graph: GraphSnapshot,
    /// For each node of `graph`, the cell line that created it (0: an earlier cell).
    pub node_lines: Vec<u32>,
    /// For each node of `graph`: where a named tensor was last assigned (the inspector edits
    /// a leaf's value there).
    pub definitions: Vec<Option<Definition>>,
    /// One entry per `backward()` (or `torch.autograd.grad`) the cell ran, in order.
    pub backwards: Vec<BackwardRun>,
    /// In stepping mode: the 1-based line of the statement that runs next.
    pub next_line: Option<u32>,
    /// True when the cell has run to its end (or stopped on an error).
    pub done: bool,
}

/// One backward pass: the graph as it was when `backward()` started (the trace's node ids refer
/// to it) and what the engine did, step by step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BackwardRun {
    /// 1-based line of the statement that called backward.
    pub line: u32,
    pub graph: GraphSnapshot,
    /// As `Response::node_lines`, for `graph`.
    pub node_lines: Vec<u32>,
    pub trace: BackwardTrace,
}

/// Where a variable was assigned: lesson cell index (earlier cells first) and 1-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    pub cell: usize,
    pub line: u32,
}

/// An uncaught Python exception, located in the cell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Python's exception type, e.g. `NameError`.
    pub kind: String,
    pub message: String,
    /// 1-based line and column in the cell; 0 when the error is outside it (in the prelude).
    pub line: u32,
    pub column: u32,
    /// The Python-style traceback the console shows.
    pub traceback: String,
}

impl Request {
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }
}

impl Response {
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        postcard::from_bytes(bytes).map_err(|e| e.to_string())
    }

    /// The console's text: what the program printed, then the error.
    pub fn console_text(&self) -> String {
        match &self.error {
            None => self.stdout.clone(),
            Some(d) => format!("{}{}", self.stdout, d.traceback),
        }
    }
}
