//! The compiler: `ast::Module` -> `CodeObject`.
//!
//! Two passes, as CPython: `symtable` decides for every name in every scope
//! whether it is local, global, free or a cell (and reports the scoping
//! SyntaxErrors), then `codegen` walks the tree again and emits bytecode.

mod codegen;
mod defs;
mod dis;
mod expr;
mod mangle;
mod stmt;
mod symtable;
mod unwind;

use std::rc::Rc;

use crate::ast;
use crate::bytecode::CodeObject;
use crate::syntax::SyntaxError;

pub use dis::{disassemble, disassemble_with_source, jump_target};

/// Compiles a parsed module into the code object of its body.
/// `source` is the text the spans point into (for line numbers).
pub fn compile_module(
    module: &ast::Module,
    filename: &str,
    source: &str,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let table = symtable::SymbolTable::build(module)?;
    codegen::Compiler::new(&table, filename, source).compile_module(module)
}

/// Byte offset -> 1-based line number.
pub(crate) struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        let bytes = source.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            // A lone `\r` ends a line too, as in Python.
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: u32) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }
}
