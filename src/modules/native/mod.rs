//! Pure-Rust building blocks for kairos's `random`, `time`/`datetime` and `math`
//! modules. Nothing here knows about the VM: callers convert Python values to
//! plain Rust types, call in, and turn a [`NativeError`] into the named exception.

mod libm;
pub mod mathfns;
pub mod random_mt;
pub mod timefmt;

#[cfg(test)]
mod tests;

/// The Python exception class a helper asks the VM to raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    IndexError,
    OverflowError,
    ZeroDivisionError,
    /// `OSError(errno, strerror)`; the message holds the strerror text.
    OsError(i32),
}

/// An exception to raise: its class and CPython's exact message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NativeError {
    pub kind: ErrorKind,
    pub message: String,
}

impl NativeError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        NativeError {
            kind,
            message: message.into(),
        }
    }

    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }

    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::OverflowError, message)
    }
}

pub type NativeResult<T> = Result<T, NativeError>;
