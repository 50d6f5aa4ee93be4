//! `set` and `frozenset` methods.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg, takes_count};
use crate::vm::builtins::methods::add_new;
use crate::vm::builtins::methods::exceptions::new_exception_error;
use crate::vm::exceptions::ExcKind;
use crate::vm::hash::HashKey;
use crate::vm::objects::{KwArgs, NativeFn, SetObj};
use crate::vm::settable::SetTable;
use crate::vm::{PyResult, Vm};

type Keys = SetTable;

pub fn install(vm: &mut Vm) {
    let set = vm.types.set.clone();
    let frozenset = vm.types.frozenset.clone();
    add_new(&set, set_new);
    add_new(&frozenset, frozenset_new);
    vm.add_method(&set, "__init__", set_init);
    let shared: [(&'static str, NativeFn); 11] = [
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("__len__", dunder_len),
        ("__contains__", contains),
        ("__iter__", iter),
    ];
    for (name, f) in shared {
        vm.add_method(&set, name, f);
        vm.add_method(&frozenset, name, f);
    }
    vm.add_method(&set, "add", add);
    vm.add_method(&set, "remove", remove);
    vm.add_method(&set, "discard", discard);
    vm.add_method(&set, "pop", pop);
    vm.add_method(&set, "clear", clear);
    vm.add_method(&set, "update", update);
    vm.add_method(&set, "intersection_update", intersection_update);
    vm.add_method(&set, "difference_update", difference_update);
    vm.add_method(
        &set,
        "symmetric_difference_update",
        symmetric_difference_update,
    );
}

/// The set in `args[0]` and whether it is frozen.
fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<(Rc<SetObj>, bool)> {
    self_arg(vm, args, "set", method, |v| match v {
        Value::Set(s) => Some((s.clone(), false)),
        Value::FrozenSet(s) => Some((s.clone(), true)),
        _ => None,
    })
}

fn make(items: Keys, frozen: bool) -> Value {
    let set = Rc::new(SetObj {
        items: RefCell::new(items),
    });
    if frozen {
        Value::FrozenSet(set)
    } else {
        Value::Set(set)
    }
}

/// The hash keys of any iterable's items.
fn keys_of(vm: &mut Vm, v: &Value) -> PyResult<Keys> {
    if let Value::Set(s) | Value::FrozenSet(s) = v {
        return Ok(s.items.borrow().copy());
    }
    let items = vm.collect_iterable(v)?;
    let mut keys = Keys::new();
    for item in items {
        keys.insert(vm.hash_key(item)?);
    }
    Ok(keys)
}

/// A key for lookups: a set looks up the frozenset with the same items.
fn lookup_key(vm: &mut Vm, v: &Value) -> PyResult<HashKey> {
    let v = match v {
        Value::Set(s) => Value::FrozenSet(s.clone()),
        other => other.clone(),
    };
    vm.hash_key(v)
}

fn set_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "set", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "set", rest, 0, 1)?;
    let keys = match rest.first() {
        Some(iterable) => keys_of(vm, iterable)?,
        None => Keys::new(),
    };
    Ok(make(keys, false))
}

/// `set.__init__` is a no-op here: `set.__new__` already filled the set.
fn set_init(_vm: &mut Vm, _args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "frozenset", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "frozenset", rest, 0, 1)?;
    match rest.first() {
        Some(f @ Value::FrozenSet(_)) => Ok(f.clone()),
        Some(iterable) => Ok(make(keys_of(vm, iterable)?, true)),
        None => Ok(make(Keys::new(), true)),
    }
}

fn copy(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, frozen) = this(vm, args, "copy")?;
    no_kwargs(vm, "copy", kwargs)?;
    takes_count(vm, "set.copy", &args[1..], 0, 0)?;
    if frozen {
        return Ok(args[0].clone());
    }
    let items = s.items.borrow().copy();
    Ok(make(items, false))
}

/// Folds `op` over the other arguments, starting from the set's items.
fn fold(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    method: &str,
    op: fn(&Keys, &Keys) -> Keys,
) -> PyResult<(Rc<SetObj>, bool, Keys)> {
    let (s, frozen) = this(vm, args, method)?;
    no_kwargs(vm, method, kwargs)?;
    let mut acc = s.items.borrow().copy();
    for other in &args[1..] {
        let keys = keys_of(vm, other)?;
        acc = op(&acc, &keys);
    }
    Ok((s, frozen, acc))
}

fn union_op(a: &Keys, b: &Keys) -> Keys {
    a.union(b)
}

fn intersection_op(a: &Keys, b: &Keys) -> Keys {
    a.intersection(b)
}

fn difference_op(a: &Keys, b: &Keys) -> Keys {
    a.difference(b)
}

fn symmetric_difference_op(a: &Keys, b: &Keys) -> Keys {
    a.symmetric_difference(b)
}

fn union(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (_, frozen, keys) = fold(vm, args, kwargs, "union", union_op)?;
    Ok(make(keys, frozen))
}

fn intersection(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (_, frozen, keys) = fold(vm, args, kwargs, "intersection", intersection_op)?;
    Ok(make(keys, frozen))
}

fn difference(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (_, frozen, keys) = fold(vm, args, kwargs, "difference", difference_op)?;
    Ok(make(keys, frozen))
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "symmetric_difference")?;
    exactly_one(vm, "set.symmetric_difference", &args[1..], kwargs)?;
    let (_, frozen, keys) = fold(
        vm,
        args,
        kwargs,
        "symmetric_difference",
        symmetric_difference_op,
    )?;
    Ok(make(keys, frozen))
}

/// In place, as CPython's set_update_internal (the table keeps its layout).
fn update(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "update")?;
    no_kwargs(vm, "update", kwargs)?;
    for other in &args[1..] {
        let keys = keys_of(vm, other)?;
        s.items.borrow_mut().merge(&keys);
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _, keys) = fold(vm, args, kwargs, "intersection_update", intersection_op)?;
    *s.items.borrow_mut() = keys;
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _, keys) = fold(vm, args, kwargs, "difference_update", difference_op)?;
    *s.items.borrow_mut() = keys;
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "symmetric_difference_update")?;
    exactly_one(vm, "set.symmetric_difference_update", &args[1..], kwargs)?;
    let (s, _, keys) = fold(
        vm,
        args,
        kwargs,
        "symmetric_difference_update",
        symmetric_difference_op,
    )?;
    *s.items.borrow_mut() = keys;
    Ok(Value::None)
}

fn other_keys(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    method: &str,
) -> PyResult<(Keys, Keys)> {
    let (s, _) = this(vm, args, method)?;
    let other = exactly_one(vm, &format!("set.{method}"), &args[1..], kwargs)?;
    let mine = s.items.borrow().copy();
    Ok((mine, keys_of(vm, other)?))
}

fn issubset(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (a, b) = other_keys(vm, args, kwargs, "issubset")?;
    let result = a.iter().all(|k| b.contains(k));
    Ok(Value::Bool(result))
}

fn issuperset(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (a, b) = other_keys(vm, args, kwargs, "issuperset")?;
    let result = b.iter().all(|k| a.contains(k));
    Ok(Value::Bool(result))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (a, b) = other_keys(vm, args, kwargs, "isdisjoint")?;
    let result = !a.iter().any(|k| b.contains(k));
    Ok(Value::Bool(result))
}

fn add(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "add")?;
    let item = exactly_one(vm, "set.add", &args[1..], kwargs)?;
    vm.set_add(&s, item.clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "remove")?;
    let item = exactly_one(vm, "set.remove", &args[1..], kwargs)?;
    let key = lookup_key(vm, item)?;
    let removed = s.items.borrow_mut().remove(&key);
    if removed {
        Ok(Value::None)
    } else {
        Err(vm.key_error(item.clone()))
    }
}

fn discard(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "discard")?;
    let item = exactly_one(vm, "set.discard", &args[1..], kwargs)?;
    let key = lookup_key(vm, item)?;
    s.items.borrow_mut().remove(&key);
    Ok(Value::None)
}

/// Removes an item as CPython does (from where the last pop stopped).
fn pop(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "pop")?;
    no_kwargs(vm, "set.pop", kwargs)?;
    takes_count(vm, "set.pop", &args[1..], 0, 0)?;
    let first = s.items.borrow_mut().pop();
    match first {
        Some(k) => Ok(k.value),
        None => Err(new_exception_error(
            vm,
            ExcKind::KeyError,
            vec![Value::str("pop from an empty set")],
        )),
    }
}

fn clear(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "clear")?;
    no_kwargs(vm, "set.clear", kwargs)?;
    takes_count(vm, "set.clear", &args[1..], 0, 0)?;
    let old = std::mem::take(&mut *s.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "__len__")?;
    let n = s.items.borrow().len();
    Ok(Value::Int(n as i64))
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (s, _) = this(vm, args, "__contains__")?;
    let item = exactly_one(vm, "set.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.set_contains(&s, item)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}
