//! `property`, `staticmethod`, `classmethod` and `super`.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, self_arg, Sig};
use crate::vm::builtins::methods::{add_new, add_property};
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{BoundMethod, KwArgs, PropertyObj, SuperObj, TypeObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let property = vm.types.property.clone();
    add_new(&property, property_new);
    vm.add_method(&property, "getter", getter);
    vm.add_method(&property, "setter", setter);
    vm.add_method(&property, "deleter", deleter);
    vm.add_method(&property, "__get__", property_get);
    vm.add_method(&property, "__set__", property_set);
    add_property(&property, "fget", fget);
    add_property(&property, "fset", fset);
    add_property(&property, "fdel", fdel);
    add_property(&property, "__doc__", doc);

    let staticmethod = vm.types.staticmethod.clone();
    add_new(&staticmethod, staticmethod_new);
    vm.add_method(&staticmethod, "__get__", staticmethod_get);
    add_property(&staticmethod, "__func__", wrapped_func);

    let classmethod = vm.types.classmethod.clone();
    add_new(&classmethod, classmethod_new);
    vm.add_method(&classmethod, "__get__", classmethod_get);
    add_property(&classmethod, "__func__", wrapped_func);

    let super_ = vm.types.super_.clone();
    add_new(&super_, super_new);
}

const PROPERTY: Sig = Sig {
    name: "property",
    params: &["fget", "fset", "fdel", "doc"],
    required: 0,
    positional: 4,
};

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let bound = PROPERTY.bind(vm, args.get(1..).unwrap_or_default(), kwargs)?;
    let [fget, fset, fdel, doc] = [0, 1, 2, 3].map(|i| bound[i].clone().unwrap_or(Value::None));
    let doc = if doc.is_none() {
        match &fget {
            Value::Function(f) if f.code.has_docstring => {
                f.code.constants.first().cloned().unwrap_or(Value::None)
            }
            _ => Value::None,
        }
    } else {
        doc
    };
    Ok(Value::Property(Rc::new(PropertyObj {
        fget,
        fset,
        fdel,
        doc,
    })))
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Rc<PropertyObj>> {
    self_arg(vm, args, "property", method, |v| match v {
        Value::Property(p) => Some(p.clone()),
        _ => None,
    })
}

/// A copy of the property with one accessor replaced (`@x.setter`).
fn with_accessor(vm: &mut Vm, args: &[Value], kwargs: &KwArgs, which: &str) -> PyResult<Value> {
    let p = this(vm, args, which)?;
    let f = exactly_one(vm, which, &args[1..], kwargs)?.clone();
    let mut copy = PropertyObj {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    };
    match which {
        "getter" => copy.fget = f,
        "setter" => copy.fset = f,
        _ => copy.fdel = f,
    }
    Ok(Value::Property(Rc::new(copy)))
}

fn getter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    with_accessor(vm, args, kwargs, "getter")
}

fn setter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    with_accessor(vm, args, kwargs, "setter")
}

fn deleter(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    with_accessor(vm, args, kwargs, "deleter")
}

/// `prop.__get__(obj, type=None)`
fn property_get(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let p = this(vm, args, "__get__")?;
    no_kwargs(vm, "__get__", kwargs)?;
    expect_count(vm, "__get__", &args[1..], 1, 2)?;
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    if p.fget.is_none() {
        return Err(vm.new_error(ExcKind::AttributeError, "property has no getter"));
    }
    vm.call1(&p.fget, args[1].clone())
}

/// `prop.__set__(obj, value)`
fn property_set(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let p = this(vm, args, "__set__")?;
    no_kwargs(vm, "__set__", kwargs)?;
    expect_count(vm, "__set__", &args[1..], 2, 2)?;
    if p.fset.is_none() {
        return Err(vm.new_error(ExcKind::AttributeError, "property has no setter"));
    }
    vm.call(&p.fset, vec![args[1].clone(), args[2].clone()], &[])
}

fn fget(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "fget")?.fget.clone())
}

fn fset(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "fset")?.fset.clone())
}

fn fdel(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "fdel")?.fdel.clone())
}

fn doc(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    Ok(this(vm, args, "__doc__")?.doc.clone())
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "staticmethod", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "staticmethod", rest, 1, 1)?;
    Ok(Value::StaticMethod(Rc::new(rest[0].clone())))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "classmethod", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "classmethod", rest, 1, 1)?;
    Ok(Value::ClassMethod(Rc::new(rest[0].clone())))
}

/// `__func__` of a staticmethod or classmethod.
fn wrapped_func(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    self_arg(vm, args, "staticmethod", "__func__", |v| match v {
        Value::StaticMethod(f) | Value::ClassMethod(f) => Some((**f).clone()),
        _ => None,
    })
}

fn staticmethod_get(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    wrapped_func(vm, args, &[])
}

/// `cm.__get__(obj, type=None)`: the function bound to the class.
fn classmethod_get(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let func = wrapped_func(vm, args, kwargs)?;
    expect_count(vm, "__get__", &args[1..], 1, 2)?;
    let class = match args.get(2).filter(|t| !t.is_none()) {
        Some(t) => t.clone(),
        None => Value::Type(vm.type_of(&args[1])),
    };
    Ok(Value::BoundMethod(Rc::new(BoundMethod {
        func,
        self_value: class,
    })))
}

/// `super()` (from the caller's `__class__` cell and first argument) or
/// `super(type, obj)`.
fn super_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "super", kwargs)?;
    let rest = args.get(1..).unwrap_or_default();
    expect_count(vm, "super", rest, 0, 2)?;
    let (this_class, obj) = match rest {
        [] => zero_arg_super(vm)?,
        [Value::Type(t), obj] => (t.clone(), obj.clone()),
        [Value::Type(_)] => {
            return Err(vm.type_error("kairos does not support unbound super objects (super(type))"))
        }
        [other, ..] => {
            let tn = vm.type_name(other);
            return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
        }
    };
    let obj_type = match &obj {
        Value::Type(t) if t.is_subtype(&this_class) => t.clone(),
        _ => {
            let t = vm.type_of(&obj);
            if !t.is_subtype(&this_class) {
                return Err(
                    vm.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            t
        }
    };
    Ok(Value::Super(Rc::new(SuperObj {
        this_class,
        obj,
        obj_type,
    })))
}

/// The class and first argument of the calling function.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Rc<TypeObj>, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(vm.new_error(ExcKind::RuntimeError, "super(): no current frame"));
    };
    let code = frame.code.clone();
    // The first argument lives in its cell when an inner scope captures it.
    let first = match code.cell_params.iter().find(|(_, param)| *param == 0) {
        Some((cell, _)) => frame
            .cells
            .get(*cell as usize)
            .and_then(|c| c.value.borrow().clone()),
        None => frame.fast.first().cloned().flatten(),
    };
    let class_cell = code
        .freevars
        .iter()
        .position(|name| name == "__class__")
        .and_then(|i| frame.cells.get(code.cellvars.len() + i).cloned());
    let class = class_cell.map(|cell| cell.value.borrow().clone());
    let problem = match (code.argcount, first, class) {
        (0, _, _) => "super(): no arguments",
        (_, None, _) => "super(): arg[0] deleted",
        (_, _, None) => "super(): __class__ cell not found",
        (_, _, Some(None)) => "super(): empty __class__ cell",
        (_, Some(first), Some(Some(Value::Type(t)))) => return Ok((t, first)),
        (_, _, Some(Some(_))) => "super(): __class__ is not a type",
    };
    Err(vm.new_error(ExcKind::RuntimeError, problem))
}
