//! The syntax front-end: Python 3.11 source text to `ast::Module`, or a
//! SyntaxError worded as CPython words it.

mod actions;
mod diagnose;
pub mod error;
mod fstring;
mod lexer;
mod params;
mod parser;
mod strings;
mod targets;
mod token;
mod unicode_names;

pub use error::{SyntaxError, SyntaxErrorKind};

use crate::ast::Module;
use crate::source::SourceFile;

/// Parses a whole file.
pub fn parse_module(source: &SourceFile) -> Result<Module, SyntaxError> {
    parser::parse_source(&source.text)
}
