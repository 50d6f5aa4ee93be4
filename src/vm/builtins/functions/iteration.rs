//! Builtins that consume or produce iterators: len, enumerate, zip, map,
//! filter, iter, next, reversed, sorted, min, max, any, all.

use crate::ast::CmpOp;
use crate::value::Value;
use crate::vm::builtins::args::{allow_kwargs, exactly_one, expect_count, kwarg, no_kwargs, Sig};
use crate::vm::builtins::methods::exceptions::new_exception_error;
use crate::vm::builtins::methods::iterator::new_iter;
use crate::vm::builtins::methods::list::sort_values;
use crate::vm::builtins::methods::range::reversed_range;
use crate::vm::exceptions::ExcKind;
use crate::vm::generators::{GenResult, Resume};
use crate::vm::objects::{GenKind, IterState, KwArgs};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    vm.add_builtin("len", len);
    vm.add_builtin("enumerate", enumerate);
    vm.add_builtin("zip", zip);
    vm.add_builtin("map", map);
    vm.add_builtin("filter", filter);
    vm.add_builtin("iter", iter);
    vm.add_builtin("next", next);
    vm.add_builtin("reversed", reversed);
    vm.add_builtin("sorted", sorted);
    vm.add_builtin("min", min);
    vm.add_builtin("max", max);
    vm.add_builtin("any", any);
    vm.add_builtin("all", all);
}

fn len(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "len", args, kwargs)?;
    Ok(Value::Int(vm.len(v)? as i64))
}

const ENUMERATE: Sig = Sig {
    name: "enumerate",
    params: &["iterable", "start"],
    required: 1,
    positional: 2,
};

fn enumerate(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = ENUMERATE.bind(vm, args, kwargs)?;
    let iterable = bound[0].clone().unwrap_or(Value::None);
    let count = match &bound[1] {
        None => Value::Int(0),
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => v.clone(),
        Some(Value::Bool(b)) => Value::Int(*b as i64),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    let inner = vm.get_iter(&iterable)?;
    Ok(new_iter(IterState::Enumerate { inner, count }))
}

fn zip(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    allow_kwargs(vm, "zip", kwargs, &["strict"])?;
    let strict = match kwarg(kwargs, "strict") {
        Some(v) => vm.is_true(&v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        if !vm.has_iter(arg) {
            return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)));
        }
        iters.push(vm.get_iter(arg)?);
    }
    if iters.is_empty() {
        return Ok(new_iter(IterState::Exhausted));
    }
    Ok(new_iter(IterState::Zip { iters, strict }))
}

fn map(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "map", kwargs)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for arg in &args[1..] {
        iters.push(vm.get_iter(arg)?);
    }
    Ok(new_iter(IterState::Map {
        func: args[0].clone(),
        iters,
    }))
}

fn filter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "filter", kwargs)?;
    expect_count(vm, "filter", args, 2, 2)?;
    let inner = vm.get_iter(&args[1])?;
    Ok(new_iter(IterState::Filter {
        func: args[0].clone(),
        inner,
    }))
}

fn iter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "iter", kwargs)?;
    expect_count(vm, "iter", args, 1, 2)?;
    if args.len() == 1 {
        return vm.get_iter(&args[0]);
    }
    if !is_callable(vm, &args[0]) {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(new_iter(IterState::Callable {
        func: args[0].clone(),
        sentinel: args[1].clone(),
    }))
}

/// `callable(v)`, shared with the introspection builtins.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_)
        | Value::Builtin(_)
        | Value::BoundMethod(_)
        | Value::Type(_)
        | Value::StaticMethod(_) => true,
        _ => vm.type_of(v).lookup("__call__").is_some(),
    }
}

fn next(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "next", kwargs)?;
    expect_count(vm, "next", args, 1, 2)?;
    if let Value::Generator(g) = &args[0] {
        if g.kind == GenKind::Generator {
            // Resumed directly so a `return` value reaches StopIteration.value.
            return match vm.resume_generator(g, Resume::Send(Value::None))? {
                GenResult::Return(v) => match args.get(1) {
                    Some(default) => Ok(default.clone()),
                    None => {
                        let args = if v.is_none() { Vec::new() } else { vec![v] };
                        Err(new_exception_error(vm, ExcKind::StopIteration, args))
                    }
                },
                GenResult::Yield(v) | GenResult::AsyncYield(v) => Ok(v),
            };
        }
    }
    match vm.iter_next(&args[0])? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(new_exception_error(vm, ExcKind::StopIteration, Vec::new())),
        },
    }
}

fn reversed(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "reversed", kwargs)?;
    expect_count(vm, "reversed", args, 1, 1)?;
    let seq = &args[0];
    let items: Vec<Value> = match seq {
        Value::List(l) => l.borrow().iter().rev().cloned().collect(),
        Value::Tuple(t) => t.iter().rev().cloned().collect(),
        Value::Str(s) => s
            .as_str()
            .chars()
            .rev()
            .map(|c| Value::string(c.to_string()))
            .collect(),
        Value::Bytes(b) => b.iter().rev().map(|&x| Value::Int(x as i64)).collect(),
        Value::Range(r) => return Ok(reversed_range(r)),
        Value::Dict(d) => d
            .map
            .borrow()
            .keys()
            .rev()
            .map(|k| k.value.clone())
            .collect(),
        _ => {
            if let Some(it) = vm.call_dunder(seq, "__reversed__", vec![])? {
                return Ok(it);
            }
            let class = vm.type_of(seq);
            if class.lookup("__len__").is_none() || class.lookup("__getitem__").is_none() {
                let tn = vm.type_name(seq);
                return Err(vm.type_error(format!("'{tn}' object is not reversible")));
            }
            let n = vm.len(seq)?;
            let mut out = Vec::with_capacity(n);
            for i in (0..n).rev() {
                out.push(vm.getitem(seq, &Value::Int(i as i64))?);
            }
            out
        }
    };
    Ok(new_iter(IterState::Items(items.into_iter())))
}

fn sorted(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    expect_count(vm, "sorted", args, 1, 1)?;
    allow_kwargs(vm, "sort", kwargs, &["key", "reverse"])?;
    let items = vm.collect_iterable(&args[0])?;
    let key = kwarg(kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => vm.is_true(&r)?,
        None => false,
    };
    let sorted = sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(sorted))
}

fn min(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kwargs, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kwargs, "max", CmpOp::Gt)
}

/// `min`/`max`: the first item that no later item beats under `op`.
fn min_max(vm: &mut Vm, args: &[Value], kwargs: &KwArgs, name: &str, op: CmpOp) -> PyResult<Value> {
    allow_kwargs(vm, name, kwargs, &["key", "default"])?;
    if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let key = kwarg(kwargs, "key").filter(|k| !k.is_none());
    let default = kwarg(kwargs, "default");
    if args.len() > 1 && default.is_some() {
        return Err(vm.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let source = if args.len() == 1 {
        vm.get_iter(&args[0])?
    } else {
        let items: Vec<Value> = args.to_vec();
        new_iter(IterState::Items(items.into_iter()))
    };
    let mut best: Option<(Value, Value)> = None;
    while let Some(item) = vm.iter_next(&source)? {
        let k = match &key {
            Some(f) => vm.call1(f, item.clone())?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, best_key)) => {
                let r = vm.compare(&k, best_key, op)?;
                vm.is_true(&r)?
            }
        };
        if better {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((item, _)), _) => Ok(item),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn any(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let iterable = exactly_one(vm, "any", args, kwargs)?;
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.iter_next(&it)? {
        if vm.is_true(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let iterable = exactly_one(vm, "all", args, kwargs)?;
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.iter_next(&it)? {
        if !vm.is_true(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
