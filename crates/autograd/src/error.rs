//! The error type: PyTorch's messages plus the Python exception class they map to.

use std::fmt;

/// Which Python exception a [`TorchError`] becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum ErrorKind {
    /// `RuntimeError`, PyTorch's default.
    RuntimeError,
    /// `ValueError`.
    ValueError,
    /// `IndexError`.
    IndexError,
    /// `TypeError`.
    TypeError,
    /// `NotImplementedError`.
    NotImplementedError,
    /// Any other exception class, by name (e.g. raised by a user hook and passed through).
    Other(String),
}

impl ErrorKind {
    /// The Python class name, e.g. `"RuntimeError"`.
    pub fn name(&self) -> &str {
        match self {
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::IndexError => "IndexError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::Other(s) => s,
        }
    }
}

/// An error with PyTorch's message text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TorchError {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as PyTorch words it.
    pub message: String,
}

impl TorchError {
    /// A `RuntimeError`.
    pub fn runtime(message: impl Into<String>) -> Self {
        TorchError {
            kind: ErrorKind::RuntimeError,
            message: message.into(),
        }
    }
    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> Self {
        TorchError {
            kind: ErrorKind::ValueError,
            message: message.into(),
        }
    }
    /// An `IndexError`.
    pub fn index(message: impl Into<String>) -> Self {
        TorchError {
            kind: ErrorKind::IndexError,
            message: message.into(),
        }
    }
    /// A `NotImplementedError`.
    pub fn not_implemented(message: impl Into<String>) -> Self {
        TorchError {
            kind: ErrorKind::NotImplementedError,
            message: message.into(),
        }
    }
    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        TorchError {
            kind: ErrorKind::TypeError,
            message: message.into(),
        }
    }
}

impl fmt::Display for TorchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for TorchError {}

/// Result alias used throughout the crate.
pub type Result<T> = std::result::Result<T, TorchError>;
