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
///
/// Boxed, so that `Result<Tensor>` is two words: it is returned by nearly every op, and each
/// `?` on a three-word error copied it out, which was a measurable share of the wasm.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct TorchError(Box<TorchErrorData>);

/// The fields of a [`TorchError`] (reached through `Deref`: `e.kind`, `e.message`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TorchErrorData {
    /// The exception class.
    pub kind: ErrorKind,
    /// The message, exactly as PyTorch words it.
    pub message: String,
}

impl std::ops::Deref for TorchError {
    type Target = TorchErrorData;
    fn deref(&self) -> &TorchErrorData {
        &self.0
    }
}

impl std::ops::DerefMut for TorchError {
    fn deref_mut(&mut self) -> &mut TorchErrorData {
        &mut self.0
    }
}

impl fmt::Debug for TorchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl TorchError {
    /// An error of any kind.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        TorchError(Box::new(TorchErrorData {
            kind,
            message: message.into(),
        }))
    }
    /// The kind and message, unboxed.
    pub fn into_data(self) -> TorchErrorData {
        *self.0
    }
    /// A `RuntimeError`.
    pub fn runtime(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::RuntimeError, message)
    }
    /// A `ValueError`.
    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }
    /// An `IndexError`.
    pub fn index(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::IndexError, message)
    }
    /// A `NotImplementedError`.
    pub fn not_implemented(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotImplementedError, message)
    }
    /// A `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::TypeError, message)
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
