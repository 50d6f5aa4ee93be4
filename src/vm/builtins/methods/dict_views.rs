//! `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
//! Keys and items views support the set operators, which return sets.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::settable::SetTable;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, self_arg};
use crate::vm::builtins::methods::iterator::new_iter;
use crate::vm::builtins::methods::native_class;
use crate::vm::objects::{
    DictIterKind, DictObj, IterState, KwArgs, NativeFn, NativeObject, SetObj,
};
use crate::vm::{PyResult, Vm};

pub struct DictView {
    pub dict: Rc<DictObj>,
    pub kind: DictIterKind,
}

impl NativeObject for DictView {
    fn type_name(&self) -> &'static str {
        match self.kind {
            DictIterKind::Keys => "dict_keys",
            DictIterKind::Values => "dict_values",
            DictIterKind::Items => "dict_items",
        }
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn new_view(dict: Rc<DictObj>, kind: DictIterKind) -> Value {
    Value::Native(Rc::new(DictView { dict, kind }))
}

pub fn install(vm: &mut Vm) {
    let common: [(&'static str, NativeFn); 5] = [
        ("__iter__", iter),
        ("__len__", len),
        ("__contains__", contains),
        ("__repr__", repr),
        ("__reversed__", reversed),
    ];
    let set_like: [(&'static str, NativeFn); 10] = [
        ("__and__", and),
        ("__rand__", and),
        ("__or__", or),
        ("__ror__", or),
        ("__xor__", xor),
        ("__rxor__", xor),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__eq__", eq),
        ("isdisjoint", isdisjoint),
    ];
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let class = native_class(vm, name);
        for (method, f) in common {
            vm.add_method(&class, method, f);
        }
        if name != "dict_values" {
            for (method, f) in set_like {
                vm.add_method(&class, method, f);
            }
        }
    }
}

/// The view in `args[0]`.
fn this<'a>(vm: &mut Vm, args: &'a [Value], method: &str) -> PyResult<&'a DictView> {
    self_arg(vm, args, "dict_keys", method, |v| match v {
        Value::Native(n) => n.as_any().downcast_ref::<DictView>(),
        _ => None,
    })
}

/// The items of a view, as iteration yields them now.
fn snapshot(view: &DictView) -> Vec<Value> {
    view.dict
        .map
        .borrow()
        .iter()
        .map(|(k, v)| match view.kind {
            DictIterKind::Keys => k.value.clone(),
            DictIterKind::Values => v.clone(),
            DictIterKind::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
        })
        .collect()
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let view = this(vm, args, "__iter__")?;
    Ok(new_iter(IterState::Dict {
        dict: view.dict.clone(),
        index: 0,
        kind: view.kind,
        len: view.dict.len(),
    }))
}

fn reversed(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let view = this(vm, args, "__reversed__")?;
    let mut items = snapshot(view);
    items.reverse();
    Ok(new_iter(IterState::Items(items.into_iter())))
}

fn len(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let view = this(vm, args, "__len__")?;
    Ok(Value::Int(view.dict.len() as i64))
}

fn contains(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let view = this(vm, args, "__contains__")?;
    let (dict, kind) = (view.dict.clone(), view.kind);
    let item = exactly_one(vm, "__contains__", &args[1..], kwargs)?;
    let found = match kind {
        DictIterKind::Keys => vm.dict_get(&dict, item)?.is_some(),
        DictIterKind::Items => match item {
            Value::Tuple(pair) if pair.len() == 2 => match vm.dict_get(&dict, &pair[0])? {
                Some(v) => v.is(&pair[1]) || vm.eq(&v, &pair[1])?,
                None => false,
            },
            _ => false,
        },
        DictIterKind::Values => {
            let values: Vec<Value> = dict.map.borrow().values().cloned().collect();
            let mut found = false;
            for v in values {
                if v.is(item) || vm.eq(&v, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
    };
    Ok(Value::Bool(found))
}

/// `dict_keys(['a', 'b'])`
fn repr(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let view = this(vm, args, "__repr__")?;
    let name = view.type_name();
    let items = Value::list(snapshot(view));
    let inner = vm.repr(&items)?;
    Ok(Value::string(format!("{name}({inner})")))
}

/// Hash keys of any iterable's items (for the set operators).
fn key_set(vm: &mut Vm, v: &Value) -> PyResult<SetTable> {
    let items = match v {
        Value::Native(n) => match n.as_any().downcast_ref::<DictView>() {
            Some(view) => snapshot(view),
            None => vm.collect_iterable(v)?,
        },
        _ => vm.collect_iterable(v)?,
    };
    let mut set = SetTable::new();
    for item in items {
        set.insert(vm.hash_key(item)?);
    }
    Ok(set)
}

fn to_set(items: SetTable) -> Value {
    Value::Set(Rc::new(SetObj {
        items: RefCell::new(items),
    }))
}

/// Applies a set operation to `args[0]` and `args[1]`, or NotImplemented
/// when the other operand is not iterable.
fn set_op(
    vm: &mut Vm,
    args: &[Value],
    op: fn(&SetTable, &SetTable) -> SetTable,
) -> PyResult<Value> {
    this(vm, args, "set operation")?;
    let Some(other) = args.get(1) else {
        return Err(vm.type_error("expected 1 argument, got 0"));
    };
    if !vm.has_iter(other) {
        return Ok(Value::NotImplemented);
    }
    let a = key_set(vm, &args[0])?;
    let b = key_set(vm, other)?;
    Ok(to_set(op(&a, &b)))
}

fn and(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    set_op(vm, args, SetTable::intersection)
}

fn or(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    set_op(vm, args, SetTable::union)
}

fn xor(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    set_op(vm, args, SetTable::symmetric_difference)
}

fn sub(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    set_op(vm, args, SetTable::difference)
}

fn rsub(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    set_op(vm, args, |a, b| b.difference(a))
}

/// Keys and items views equal any set-like object with the same members.
fn eq(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "__eq__")?;
    let Some(other) = args.get(1) else {
        return Ok(Value::NotImplemented);
    };
    let comparable = match other {
        Value::Set(_) | Value::FrozenSet(_) => true,
        Value::Native(n) => n.as_any().downcast_ref::<DictView>().is_some(),
        _ => false,
    };
    if !comparable {
        return Ok(Value::NotImplemented);
    }
    let a = key_set(vm, &args[0])?;
    let b = key_set(vm, other)?;
    Ok(Value::Bool(
        a.len() == b.len() && a.iter().all(|k| b.contains(k)),
    ))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    this(vm, args, "isdisjoint")?;
    let other = exactly_one(vm, "isdisjoint", &args[1..], kwargs)?;
    let a = key_set(vm, &args[0])?;
    let b = key_set(vm, other)?;
    let result = !a.iter().any(|k| b.contains(k));
    Ok(Value::Bool(result))
}
