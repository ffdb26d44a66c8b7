//! A Python-subset interpreter over `autograd`: runs lesson scripts the way
//! `python script.py` with PyTorch would print them.
//!
//! Pipeline: [`lexer`] -> [`parser`] -> [`ast`] -> evaluator ([`eval`], [`ops`], [`objects`],
//! [`iter`], [`builtins`]) driven by a [`Session`], which owns limits, output and stepping.
//!
//! ```
//! use interp::{Config, Session};
//! let mut s = Session::new(Config::default());
//! let r = s.run("print(0.1 + 0.2)\nprint(10 ** 20)\n");
//! assert_eq!(r.stdout, "0.30000000000000004\n100000000000000000000\n");
//! ```
//!
//! - [`Session::run`] runs a program; [`Session::load`] + [`Session::step`] run it one top-level
//!   statement at a time. Globals persist across calls until [`Session::reset`].
//! - [`RunResult`]: `stdout` (output so far), `error` ([`Diagnostic`]: kind, message, 1-based
//!   line/column), `traceback` (CPython-style text), `line`/`next_line`, `done`, `steps`,
//!   `graph` (with [`Config::snapshot_graph`]) and `traces` (with [`Config::trace_backward`]).
//! - [`Limits`]: step budget (`TimeoutError`), memory budget per allocation (`MemoryError`),
//!   recursion limit (`RecursionError`), output cap. Nothing a program does may panic.
//! - Output also streams to a writer set with [`Session::set_writer`]; never to stdout.
//! - Native stack: about 1.3 KB per Python call level in release builds, about 8 KB in debug
//!   builds; [`session::with_big_stack`] runs a closure on a thread with room to spare.
//!
//! Torch: `import torch` binds `autograd` ([`builtins::torch`], [`builtins::tensor`]);
//! `torch.nn` and `torch.optim` are Python (`builtins/prelude.py`) over the native functions.
//! `collections`, `functools` and `itertools` are Python too (`builtins/{collections,functools,
//! itertools}.py`), each parsed once per thread on its first import.

pub mod ast;
pub mod builtins;
mod call;
mod casemap;
pub mod error;
pub mod eval;
mod exec;
mod expr;
mod floatparse;
pub mod format;
mod fstring;
pub mod fxhash;
pub mod generator;
pub mod iter;
pub mod lexer;
pub mod objects;
pub mod ops;
pub mod parser;
mod repr;
mod scope;
pub mod session;
pub mod span;
mod subscript;
pub mod suggest;
mod teardown;
mod traceback;
pub mod value;
mod warnings;

pub use error::{Diagnostic, PyErr};
pub use eval::Limits;
pub use session::{Config, RunResult, Session};
pub use span::Span;
