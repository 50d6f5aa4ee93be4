//! `tuple` methods.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg};
use crate::vm::builtins::methods::add_new;
use crate::vm::builtins::methods::list::index_bounds;
use crate::vm::objects::KwArgs;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let tuple = vm.types.tuple.clone();
    add_new(&tuple, tuple_new);
    vm.add_method(&tuple, "index", index);
    vm.add_method(&tuple, "count", count);
    vm.add_method(&tuple, "__len__", dunder_len);
    vm.add_method(&tuple, "__getitem__", getitem);
    vm.add_method(&tuple, "__contains__", contains);
    vm.add_method(&tuple, "__iter__", iter);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<[Value]>> {
    self_arg(vm, args, "tuple", method, |v| match v {
        Value::Tuple(t) => Some(t.clone()),
        _ => None,
    })
}

/// `tuple(iterable=())`; a tuple argument is returned as is.
fn tuple_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "tuple", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "tuple", rest, 0, 1)?;
    match rest.first() {
        Some(t @ Value::Tuple(_)) => Ok(t.clone()),
        Some(iterable) => Ok(Value::tuple(vm.collect_iterable(iterable)?)),
        None => Ok(Value::tuple(Vec::new())),
    }
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let items = this(vm, args, "index")?;
    no_kwargs(vm, "index", kwargs)?;
    expect_count(vm, "index", &args[1..], 1, 3)?;
    let (start, stop) = index_bounds(vm, &args[2..], items.len())?;
    let x = &args[1];
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if item.is(x) || vm.eq(item, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let items = this(vm, args, "count")?;
    let x = exactly_one(vm, "tuple.count", &args[1..], kwargs)?;
    let mut n = 0;
    for item in items.iter() {
        if item.is(x) || vm.eq(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let items = this(vm, args, "__len__")?;
    Ok(Value::Int(items.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let index = exactly_one(vm, "tuple.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], index)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__contains__")?;
    let item = exactly_one(vm, "tuple.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.contains(&args[0], item)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}
