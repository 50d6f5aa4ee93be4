//! `slice` objects: construction, attributes and `indices`.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg};
use crate::vm::builtins::methods::{add_new, add_property};
use crate::vm::objects::{KwArgs, SliceObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let slice = vm.types.slice.clone();
    add_new(&slice, slice_new);
    vm.add_method(&slice, "indices", indices);
    add_property(&slice, "start", start);
    add_property(&slice, "stop", stop);
    add_property(&slice, "step", step);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<SliceObj>> {
    self_arg(vm, args, "slice", method, |v| match v {
        Value::Slice(s) => Some(s.clone()),
        _ => None,
    })
}

/// `slice(stop)` / `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "slice", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "slice", rest, 1, 3)?;
    let (start, stop, step) = match rest {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
        [] => (Value::None, Value::None, Value::None),
    };
    Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
}

/// `s.indices(length)`: the slice resolved against a sequence length.
fn indices(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "indices")?;
    let length = exactly_one(vm, "slice.indices", &args[1..], kwargs)?;
    let length = vm.to_index(length)?;
    if length < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let idx = vm.slice_indices(&s, length as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}

fn start(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "start")?.start.clone())
}

fn stop(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "stop")?.stop.clone())
}

fn step(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "step")?.step.clone())
}
