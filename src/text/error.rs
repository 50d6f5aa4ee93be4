//! The error type of every fallible text operation: the Python exception
//! class to raise and CPython's exact message, so the VM can raise it as is.

use std::fmt;

/// Which built-in exception CPython raises for this failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    MemoryError,
}

impl TextErrorKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            TextErrorKind::ValueError => "ValueError",
            TextErrorKind::TypeError => "TypeError",
            TextErrorKind::OverflowError => "OverflowError",
            TextErrorKind::ZeroDivisionError => "ZeroDivisionError",
            TextErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// A Python exception to raise: its class and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub kind: TextErrorKind,
    pub message: String,
}

impl TextError {
    pub fn value(message: impl Into<String>) -> Self {
        Self {
            kind: TextErrorKind::ValueError,
            message: message.into(),
        }
    }

    pub fn type_error(message: impl Into<String>) -> Self {
        Self {
            kind: TextErrorKind::TypeError,
            message: message.into(),
        }
    }

    pub fn overflow(message: impl Into<String>) -> Self {
        Self {
            kind: TextErrorKind::OverflowError,
            message: message.into(),
        }
    }

    pub fn zero_division(message: impl Into<String>) -> Self {
        Self {
            kind: TextErrorKind::ZeroDivisionError,
            message: message.into(),
        }
    }

    pub fn memory(message: impl Into<String>) -> Self {
        Self {
            kind: TextErrorKind::MemoryError,
            message: message.into(),
        }
    }
}

impl fmt::Display for TextError {
    /// `Kind: message`, as the last line of a traceback.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for TextError {}

/// Lets callers that only want the message use `msg: impl Into<String>`.
impl From<TextError> for String {
    fn from(err: TextError) -> String {
        err.message
    }
}

/// Result of a fallible text operation.
pub type TextResult<T> = Result<T, TextError>;
