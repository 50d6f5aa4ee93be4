//! kairos's built-in modules: native ones written in Rust, and the
//! standard-library subset written in Python (`py/`), embedded in the binary.

pub mod asyncio_core;
pub mod heapq;
pub mod kairos;
pub mod math;
pub mod native;
pub mod random;
pub mod sys;
pub mod time;

use std::rc::Rc;

use crate::vm::builtins::native_function;
use crate::vm::objects::{DictObj, NativeFn};
use crate::vm::{PyResult, Vm};

/// Fills a native module's namespace.
pub type ModuleInit = fn(&mut Vm, &Rc<DictObj>) -> PyResult<()>;

/// Puts a native module's functions in its namespace, each under its name.
pub fn add_functions(ns: &Rc<DictObj>, functions: &[(&'static str, NativeFn)]) {
    for &(name, f) in functions {
        ns.set_str(name, native_function(name, name.to_owned(), f));
    }
}

pub fn native_module(name: &str) -> Option<ModuleInit> {
    Some(match name {
        "_asyncio_core" => asyncio_core::init,
        "_heapq" => heapq::init,
        "_kairos" => kairos::init,
        "_sys" => sys::init,
        "_time" => time::init,
        "math" => math::init,
        "_random" => random::init,
        _ => return None,
    })
}

include!(concat!(env!("OUT_DIR"), "/python_modules.rs"));
