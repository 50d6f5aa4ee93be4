//! kairos: a Python interpreter for the asyncio subset, on a deterministic
//! virtual clock.
//!
//! The pipeline: `syntax` (tokens, indentation, grammar) → `ast` →
//! `compile` (scopes, bytecode) → `vm` (stackless interpreter) with the
//! built-in `modules`; `runner` ties them together for the CLI and tests.

pub mod ast;
pub mod bytecode;
pub mod compile;
pub mod modules;
pub mod quiz;
pub mod runner;
pub mod snapshot;
pub mod source;
pub mod syntax;
pub mod text;
pub mod value;
pub mod vm;
