//! Builtins that inspect objects and namespaces: isinstance, issubclass,
//! repr, ascii, format, hash, id, callable, the *attr family, vars, dir,
//! globals, locals.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs};
use crate::vm::builtins::methods::list::sort_values;
use crate::vm::objects::{DictObj, KwArgs, TypeObj};
use crate::vm::{PyResult, Vm};

use super::iteration::is_callable;

pub fn install(vm: &mut Vm) {
    vm.add_builtin("isinstance", isinstance);
    vm.add_builtin("issubclass", issubclass);
    vm.add_builtin("repr", repr);
    vm.add_builtin("ascii", ascii);
    vm.add_builtin("format", format);
    vm.add_builtin("hash", hash);
    vm.add_builtin("id", id);
    vm.add_builtin("callable", callable);
    vm.add_builtin("getattr", getattr);
    vm.add_builtin("hasattr", hasattr);
    vm.add_builtin("setattr", setattr);
    vm.add_builtin("delattr", delattr);
    vm.add_builtin("vars", vars);
    vm.add_builtin("dir", dir);
    vm.add_builtin("globals", globals);
    vm.add_builtin("locals", locals);
}

/// Whether `class` matches `info` (a class or a nested tuple of classes);
/// `None` when `info` contains something else.
fn class_matches(class: &Rc<TypeObj>, info: &Value) -> Option<bool> {
    match info {
        Value::Type(t) => Some(class.is_subtype(t)),
        Value::Tuple(items) => {
            let mut any = false;
            for item in items.iter() {
                any |= class_matches(class, item)?;
            }
            Some(any)
        }
        _ => None,
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "isinstance", kwargs)?;
    expect_count(vm, "isinstance", args, 2, 2)?;
    let class = vm.type_of(&args[0]);
    match class_matches(&class, &args[1]) {
        Some(r) => Ok(Value::Bool(r)),
        None => {
            Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

fn issubclass(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "issubclass", kwargs)?;
    expect_count(vm, "issubclass", args, 2, 2)?;
    let Value::Type(class) = &args[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    match class_matches(class, &args[1]) {
        Some(r) => Ok(Value::Bool(r)),
        None => {
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

fn repr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "repr", args, kwargs)?;
    Ok(Value::string(vm.repr(v)?))
}

fn ascii(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "ascii", args, kwargs)?;
    let r = vm.repr(v)?;
    Ok(Value::string(crate::text::ascii_escape(&r)))
}

fn format(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "format", kwargs)?;
    expect_count(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_owned(),
        Some(other) => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")));
        }
    };
    Ok(Value::string(vm.format_value(&args[0], &spec)?))
}

fn hash(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "hash", args, kwargs)?;
    Ok(Value::Int(vm.hash(v)?))
}

fn id(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "id", args, kwargs)?;
    Ok(Value::Int(v.address() as i64))
}

fn callable(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let v = exactly_one(vm, "callable", args, kwargs)?;
    Ok(Value::Bool(is_callable(vm, v)))
}

/// The attribute-name argument of the *attr builtins.
fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.as_str().into()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn getattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "getattr", kwargs)?;
    expect_count(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match args.get(2) {
        None => vm.getattr(&args[0], &name),
        Some(default) => Ok(vm
            .getattr_opt(&args[0], &name)?
            .unwrap_or_else(|| default.clone())),
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "hasattr", kwargs)?;
    expect_count(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    Ok(Value::Bool(vm.getattr_opt(&args[0], &name)?.is_some()))
}

fn setattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "setattr", kwargs)?;
    expect_count(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "delattr", kwargs)?;
    expect_count(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

/// `vars(obj)`. Modules return their live namespace; instances, classes
/// and functions return a snapshot (kairos keeps their attributes outside
/// a dict object, so writes to the result do not reach the object).
fn vars(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "vars", kwargs)?;
    expect_count(vm, "vars", args, 0, 1)?;
    let Some(obj) = args.first() else {
        return Ok(current_locals(vm));
    };
    Ok(match obj {
        Value::Module(m) => Value::Dict(m.dict.clone()),
        Value::Instance(i) => DictObj::copy_of_attrs(i.attrs().iter().map(|(k, v)| (k, v))),
        Value::Type(t) => DictObj::copy_of_attrs(t.dict.borrow().iter()),
        Value::Function(f) => DictObj::copy_of_attrs(f.dict.borrow().iter()),
        _ => return Err(vm.type_error("vars() argument must have __dict__ attribute")),
    })
}

/// `locals()` of the calling frame: module and class bodies return their
/// live namespace, functions a snapshot of their variables.
fn current_locals(vm: &Vm) -> Value {
    let Some(frame) = vm.frames.last() else {
        return Value::Dict(DictObj::new());
    };
    if let Some(locals) = &frame.locals {
        return Value::Dict(locals.clone());
    }
    let d = DictObj::new();
    let code = &frame.code;
    for (name, slot) in code.varnames.iter().zip(&frame.fast) {
        if let Some(v) = slot {
            d.set_str(name, v.clone());
        }
    }
    let cell_names = code.cellvars.iter().chain(&code.freevars);
    for (name, cell) in cell_names.zip(&frame.cells) {
        if let Some(v) = &*cell.value.borrow() {
            d.set_str(name, v.clone());
        }
    }
    Value::Dict(d)
}

fn globals(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "globals", kwargs)?;
    expect_count(vm, "globals", args, 0, 0)?;
    Ok(match vm.frames.last() {
        Some(frame) => Value::Dict(frame.globals.clone()),
        None => Value::Dict(DictObj::new()),
    })
}

fn locals(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "locals", kwargs)?;
    expect_count(vm, "locals", args, 0, 0)?;
    Ok(current_locals(vm))
}

/// `dir(obj)`: the sorted attribute names of the object and its class
/// chain; `dir()` lists the caller's local names.
fn dir(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "dir", kwargs)?;
    expect_count(vm, "dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match args.first() {
        None => {
            if let Value::Dict(d) = current_locals(vm) {
                names.extend(dict_str_keys(&d));
            }
        }
        Some(obj) => {
            if let Some(Value::Function(custom)) = vm.type_of(obj).lookup("__dir__") {
                let listed = vm.call1(&Value::Function(custom), obj.clone())?;
                let items = vm.collect_iterable(&listed)?;
                let sorted = sort_values(vm, items, None, false)?;
                return Ok(Value::list(sorted));
            }
            names = attribute_names(vm, obj);
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

/// What `dir(obj)` lists (also the candidates of AttributeError's
/// "Did you mean"): sorted, without duplicates.
pub fn attribute_names(vm: &Vm, obj: &Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let classes: Vec<Rc<TypeObj>> = match obj {
        Value::Module(m) => {
            names.extend(dict_str_keys(&m.dict));
            Vec::new()
        }
        Value::Type(t) => class_chain(t),
        Value::Instance(i) => {
            names.extend(i.attrs().iter().map(|(k, _)| k.to_string()));
            class_chain(&i.class)
        }
        other => class_chain(&vm.type_of(other)),
    };
    for class in classes {
        names.extend(class.dict.borrow().keys().map(|k| k.to_string()));
    }
    names.sort();
    names.dedup();
    names
}

fn class_chain(class: &Rc<TypeObj>) -> Vec<Rc<TypeObj>> {
    std::iter::once(class.clone())
        .chain(class.mro.iter().cloned())
        .collect()
}

/// The string keys of a dict, in order.
pub fn dict_str_keys(d: &DictObj) -> Vec<String> {
    d.map
        .borrow()
        .keys()
        .filter_map(|k| match &k.value {
            Value::Str(s) => Some(s.as_str().to_owned()),
            _ => None,
        })
        .collect()
}
