//! Pure text and number formatting with CPython 3.11's exact results: float
//! repr, the format-spec mini-language, `%` formatting, str methods with
//! subtle semantics, and number parsing/arithmetic. Nothing here knows the
//! VM; the VM converts objects and calls these functions.

mod decimal;
pub mod error;
pub mod float_repr;
pub mod format_builtin;
pub mod format_spec;
#[cfg(test)]
mod fuzz_tests;
mod number_layout;
pub mod numbers;
mod parse_number;
pub mod percent;
pub mod str_case;
pub mod str_repr;
pub mod strings;
#[cfg(test)]
mod testdata;
pub mod unicode_props;
#[rustfmt::skip]
mod unicode_tables;

pub use error::{TextError, TextErrorKind, TextResult};
pub use float_repr::{float_repr, float_str};
pub use format_builtin::{format_float, format_int, format_str};
pub use format_spec::FormatSpec;
pub use str_repr::{ascii_escape, bytes_repr, str_repr};
