//! `range` objects: construction, `index`/`count`, attributes, reversal.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg};
use crate::vm::builtins::methods::iterator::new_iter;
use crate::vm::builtins::methods::{add_new, add_property};
use crate::vm::objects::{IterState, KwArgs, RangeObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let range = vm.types.range.clone();
    add_new(&range, range_new);
    vm.add_method(&range, "index", index);
    vm.add_method(&range, "count", count);
    vm.add_method(&range, "__len__", dunder_len);
    vm.add_method(&range, "__getitem__", getitem);
    vm.add_method(&range, "__contains__", contains);
    vm.add_method(&range, "__iter__", iter);
    vm.add_method(&range, "__reversed__", reversed);
    add_property(&range, "start", start);
    add_property(&range, "stop", stop);
    add_property(&range, "step", step);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<RangeObj>> {
    self_arg(vm, args, "range", method, |v| match v {
        Value::Range(r) => Some(r.clone()),
        _ => None,
    })
}

/// `range(stop)` / `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "range", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "range", rest, 1, 3)?;
    let mut bounds = Vec::with_capacity(3);
    for v in rest {
        bounds.push(vm.to_index(v)?);
    }
    let (start, stop, step) = match bounds[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("count checked above"),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

/// The position of `i` in the range, if it is a member.
fn position(r: &RangeObj, i: i64) -> Option<i64> {
    let in_bounds = if r.step > 0 {
        i >= r.start && i < r.stop
    } else {
        i <= r.start && i > r.stop
    };
    let offset = i as i128 - r.start as i128;
    (in_bounds && offset % r.step as i128 == 0).then(|| (offset / r.step as i128) as i64)
}

/// An int-like value as i64, if it is one and fits.
fn small_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn index(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let r = this(vm, args, "index")?;
    let x = exactly_one(vm, "range.index", &args[1..], kwargs)?;
    if let Some(p) = small_int(x).and_then(|i| position(&r, i)) {
        return Ok(Value::Int(p));
    }
    if small_int(x).is_none() && !matches!(x, Value::BigInt(_)) {
        for (p, i) in (0..r.len()).map(|p| (p, r.start + p * r.step)) {
            if vm.eq(&Value::Int(i), x)? {
                return Ok(Value::Int(p));
            }
        }
    }
    let shown = vm.repr(x)?;
    Err(vm.value_error(format!("{shown} is not in range")))
}

fn count(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let r = this(vm, args, "count")?;
    let x = exactly_one(vm, "range.count", &args[1..], kwargs)?;
    if let Some(i) = small_int(x) {
        return Ok(Value::Int(position(&r, i).is_some() as i64));
    }
    if matches!(x, Value::BigInt(_)) {
        return Ok(Value::Int(0));
    }
    let mut n = 0;
    for p in 0..r.len() {
        if vm.eq(&Value::Int(r.start + p * r.step), x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let r = this(vm, args, "__len__")?;
    Ok(Value::Int(r.len()))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let index = exactly_one(vm, "range.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], index)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__contains__")?;
    let item = exactly_one(vm, "range.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.contains(&args[0], item)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}

fn reversed(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let r = this(vm, args, "__reversed__")?;
    Ok(reversed_range(&r))
}

/// An iterator over the range from its last item back to its first.
pub fn reversed_range(r: &RangeObj) -> Value {
    let n = r.len();
    if n == 0 {
        return new_iter(IterState::Exhausted);
    }
    let last = r.start + (n - 1) * r.step;
    match (r.start.checked_sub(r.step), r.step.checked_neg()) {
        (Some(stop), Some(step)) => new_iter(IterState::Range {
            next: last,
            stop,
            step,
        }),
        _ => {
            let items: Vec<Value> = (0..n)
                .rev()
                .map(|p| Value::Int(r.start + p * r.step))
                .collect();
            new_iter(IterState::Items(items.into_iter()))
        }
    }
}

fn start(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "start")?.start))
}

fn stop(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "stop")?.stop))
}

fn step(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args, "step")?.step))
}
