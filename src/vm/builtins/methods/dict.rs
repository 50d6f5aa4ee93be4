//! `dict` methods.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg, takes_count};
use crate::vm::builtins::methods::add_new;
use crate::vm::builtins::methods::dict_views::new_view;
use crate::vm::builtins::methods::exceptions::new_exception_error;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{DictIterKind, DictObj, KwArgs};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    add_new(&dict, dict_new);
    vm.add_method(&dict, "__init__", dict_init);
    vm.add_method(&dict, "get", get);
    vm.add_method(&dict, "setdefault", setdefault);
    vm.add_method(&dict, "pop", pop);
    vm.add_method(&dict, "popitem", popitem);
    vm.add_method(&dict, "update", update);
    vm.add_method(&dict, "keys", keys);
    vm.add_method(&dict, "values", values);
    vm.add_method(&dict, "items", items);
    vm.add_method(&dict, "copy", copy);
    vm.add_method(&dict, "clear", clear);
    vm.add_classmethod(&dict, "fromkeys", fromkeys);
    vm.add_method(&dict, "__len__", dunder_len);
    vm.add_method(&dict, "__getitem__", getitem);
    vm.add_method(&dict, "__setitem__", setitem);
    vm.add_method(&dict, "__delitem__", delitem);
    vm.add_method(&dict, "__contains__", contains);
    vm.add_method(&dict, "__iter__", iter);
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<DictObj>> {
    self_arg(vm, args, "dict", method, |v| match v {
        Value::Dict(d) => Some(d.clone()),
        _ => None,
    })
}

/// `dict(mapping_or_iterable=(), **kwargs)`.
fn dict_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "dict", rest, 0, 1)?;
    let d = DictObj::new();
    update_from(vm, &d, rest.first(), kwargs)?;
    Ok(Value::Dict(d))
}

/// `dict.__init__` is a no-op here: `dict.__new__` already filled the dict.
fn dict_init(_vm: &mut Vm, _args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

/// `d.update(other, **kwargs)`: a dict, a mapping with `keys()`, or an
/// iterable of key/value pairs; then the keyword arguments.
pub fn update_from(
    vm: &mut Vm,
    d: &Rc<DictObj>,
    other: Option<&Value>,
    kwargs: &KwArgs,
) -> PyResult<()> {
    match other {
        None => {}
        Some(Value::Dict(src)) => {
            let items: Vec<_> = src
                .map
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut map = d.map.borrow_mut();
            for (k, v) in items {
                map.insert(k, v);
            }
        }
        Some(other) => {
            if vm.getattr_opt(other, "keys")?.is_some() {
                vm.dict_merge(d, other, None)?;
            } else {
                update_from_pairs(vm, d, other)?;
            }
        }
    }
    for (k, v) in kwargs {
        vm.dict_set(d, Value::str(k), v.clone())?;
    }
    Ok(())
}

fn update_from_pairs(vm: &mut Vm, d: &Rc<DictObj>, pairs: &Value) -> PyResult<()> {
    let it = vm.get_iter(pairs)?;
    let mut i = 0;
    while let Some(item) = vm.iter_next(&it)? {
        if !vm.has_iter(&item) {
            return Err(vm.type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            )));
        }
        let pair = vm.collect_iterable(&item)?;
        let [k, v]: [Value; 2] = pair.try_into().map_err(|p: Vec<Value>| {
            vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                p.len()
            ))
        })?;
        vm.dict_set(d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn get(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "get")?;
    no_kwargs(vm, "get", kwargs)?;
    expect_count(vm, "get", &args[1..], 1, 2)?;
    Ok(vm
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "setdefault")?;
    no_kwargs(vm, "setdefault", kwargs)?;
    expect_count(vm, "setdefault", &args[1..], 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), default.clone())?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "pop")?;
    no_kwargs(vm, "pop", kwargs)?;
    expect_count(vm, "pop", &args[1..], 1, 2)?;
    match vm.dict_del(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "popitem")?;
    no_kwargs(vm, "dict.popitem", kwargs)?;
    takes_count(vm, "dict.popitem", &args[1..], 0, 0)?;
    let last = d.map.borrow_mut().pop();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(new_exception_error(
            vm,
            ExcKind::KeyError,
            vec![Value::str("popitem(): dictionary is empty")],
        )),
    }
}

fn update(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "update")?;
    expect_count(vm, "update", &args[1..], 0, 1)?;
    update_from(vm, &d, args.get(1), kwargs)?;
    Ok(Value::None)
}

fn view(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &KwArgs,
    method: &'static str,
    kind: DictIterKind,
) -> PyResult<Value> {
    let d = this(vm, args, method)?;
    no_kwargs(vm, method, kwargs)?;
    takes_count(vm, &format!("dict.{method}"), &args[1..], 0, 0)?;
    Ok(new_view(d, kind))
}

fn keys(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    view(vm, args, kwargs, "keys", DictIterKind::Keys)
}

fn values(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    view(vm, args, kwargs, "values", DictIterKind::Values)
}

fn items(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    view(vm, args, kwargs, "items", DictIterKind::Items)
}

fn copy(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "copy")?;
    no_kwargs(vm, "dict.copy", kwargs)?;
    takes_count(vm, "dict.copy", &args[1..], 0, 0)?;
    let copy = DictObj::new();
    *copy.map.borrow_mut() = d.map.borrow().clone();
    Ok(Value::Dict(copy))
}

fn clear(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "clear")?;
    no_kwargs(vm, "dict.clear", kwargs)?;
    takes_count(vm, "dict.clear", &args[1..], 0, 0)?;
    let old = std::mem::take(&mut *d.map.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)` (the class arrives as `args[0]`).
fn fromkeys(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "fromkeys", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "fromkeys", rest, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let d = DictObj::new();
    let it = vm.get_iter(&rest[0])?;
    while let Some(k) = vm.iter_next(&it)? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}

fn dunder_len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    let key = exactly_one(vm, "dict.__getitem__", &args[1..], kwargs)?;
    vm.getitem(&args[0], key)
}

fn setitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__setitem__")?;
    no_kwargs(vm, "__setitem__", kwargs)?;
    expect_count(vm, "__setitem__", &args[1..], 2, 2)?;
    vm.dict_set(&d, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__delitem__")?;
    let key = exactly_one(vm, "dict.__delitem__", &args[1..], kwargs)?;
    vm.delitem(&args[0], key)?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let d = this(vm, args, "__contains__")?;
    let key = exactly_one(vm, "dict.__contains__", &args[1..], kwargs)?;
    Ok(Value::Bool(vm.dict_get(&d, key)?.is_some()))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    vm.get_iter(&args[0])
}
