//! A Python-subset interpreter over `autograd`: runs lesson scripts the way
//! `python script.py` with PyTorch would print them.
//!
//! Pipeline: [`lexer`] -> [`parser`] -> [`ast`] -> evaluator ([`eval`], [`ops`], [`objects`],
//! [`builtins`]) driven by a [`Session`], which owns limits, output and stepping.

pub mod ast;
pub mod builtins;
pub mod error;
pub mod eval;
pub mod format;
pub mod iter;
pub mod lexer;
pub mod objects;
pub mod ops;
pub mod parser;
pub mod session;
pub mod span;
pub mod suggest;
mod teardown;
pub mod value;

pub use error::{Diagnostic, PyErr};
pub use eval::Limits;
pub use session::{Config, RunResult, Session};
pub use span::Span;
