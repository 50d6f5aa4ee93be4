//! The built-in iterators' own methods (`it.__next__()`, `iter(it) is it`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{no_kwargs, self_arg, takes_count};
use crate::vm::builtins::methods::exceptions::new_exception_error;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{IterObj, IterState, KwArgs};
use crate::vm::{PyResult, Vm};

/// A built-in iterator in the given state.
pub fn new_iter(state: IterState) -> Value {
    Value::Iter(Rc::new(IterObj {
        state: RefCell::new(state),
    }))
}

pub fn install(vm: &mut Vm) {
    let iterator = vm.types.iterator.clone();
    vm.add_method(&iterator, "__iter__", iter);
    vm.add_method(&iterator, "__next__", next);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    self_arg(vm, args, "iterator", method, |v| match v {
        Value::Iter(_) => Some(v.clone()),
        _ => None,
    })
}

fn iter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let it = this(vm, args, "__iter__")?;
    no_kwargs(vm, "__iter__", kwargs)?;
    takes_count(vm, "__iter__", &args[1..], 0, 0)?;
    Ok(it)
}

fn next(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let it = this(vm, args, "__next__")?;
    no_kwargs(vm, "__next__", kwargs)?;
    takes_count(vm, "__next__", &args[1..], 0, 0)?;
    match vm.iter_next(&it)? {
        Some(v) => Ok(v),
        None => Err(new_exception_error(vm, ExcKind::StopIteration, Vec::new())),
    }
}
