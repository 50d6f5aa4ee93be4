//! `object`'s default methods and `type`'s constructor.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::args::{exactly_one, expect_count, no_kwargs, takes_count};
use crate::vm::builtins::methods::add_new;
use crate::vm::classes::new_instance;
use crate::vm::hash::identity_hash;
use crate::vm::objects::{AttrMap, KwArgs, Layout, TypeObj};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    add_new(&object, object_new);
    vm.add_method(&object, "__init__", object_init);
    vm.add_method(&object, "__repr__", object_repr);
    vm.add_method(&object, "__str__", object_str);
    vm.add_method(&object, "__eq__", object_eq);
    vm.add_method(&object, "__ne__", object_ne);
    vm.add_method(&object, "__hash__", object_hash);
    vm.add_method(&object, "__format__", object_format);
    vm.add_method(&object, "__setattr__", object_setattr);
    vm.add_method(&object, "__getattribute__", object_getattribute);
    vm.add_method(&object, "__delattr__", object_delattr);
    vm.add_classmethod(&object, "__init_subclass__", object_init_subclass);

    let type_ = vm.types.type_.clone();
    add_new(&type_, type_new);
    vm.add_method(&type_, "mro", type_mro);
}

/// Whether `class` resolves `name` to `object`'s own implementation.
fn inherits_from_object(vm: &Vm, class: &TypeObj, name: &str) -> bool {
    let base = vm.types.object.dict.borrow().get(name).cloned();
    match (class.lookup(name), base) {
        (Some(found), Some(base)) => found.is(&base),
        _ => false,
    }
}

/// `object.__new__(cls, *args)`.
fn object_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Type(cls)) => cls.clone(),
        Some(other) => {
            let tn = vm.type_name(other);
            let shown = vm.repr(other)?;
            return Err(vm.type_error(format!(
                "object.__new__(X): X is not a type object ({tn}) {shown}"
            )));
        }
        None => return Err(vm.type_error("object.__new__(): not enough arguments")),
    };
    if cls.layout == Layout::Builtin {
        return Err(vm.type_error(format!(
            "object.__new__({0}) is not safe, use {0}.__new__()",
            cls.name
        )));
    }
    if args.len() > 1 || !kwargs.is_empty() {
        if !inherits_from_object(vm, &cls, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if inherits_from_object(vm, &cls, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    Ok(new_instance(&cls))
}

/// `object.__init__(self, *args)`: extra arguments are an error unless
/// the class overrides `__new__` (CPython's rule).
fn object_init(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' of 'object' object needs an argument"));
    };
    if args.len() > 1 || !kwargs.is_empty() {
        let class = vm.type_of(obj);
        if !inherits_from_object(vm, &class, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if inherits_from_object(vm, &class, "__new__") {
            return Err(vm.type_error(format!("{}() takes no arguments", class.name)));
        }
    }
    Ok(Value::None)
}

fn self_of<'a>(vm: &mut Vm, args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    args.first().ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{method}' of 'object' object needs an argument"
        ))
    })
}

fn object_repr(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__repr__")?;
    Ok(Value::string(vm.default_repr(obj)))
}

fn object_str(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__str__")?;
    Ok(Value::string(vm.repr(obj)?))
}

/// Identity, or NotImplemented so the other operand gets a say.
fn object_eq(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__eq__")?;
    expect_count(vm, "__eq__", &args[1..], 1, 1)?;
    Ok(if obj.is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

/// The negation of the class's `__eq__`, unless that is NotImplemented.
fn object_ne(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__ne__")?.clone();
    expect_count(vm, "__ne__", &args[1..], 1, 1)?;
    match vm.call_dunder(&obj, "__eq__", vec![args[1].clone()])? {
        Some(Value::NotImplemented) | None => Ok(Value::NotImplemented),
        Some(r) => Ok(Value::Bool(!vm.is_true(&r)?)),
    }
}

fn object_hash(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__hash__")?;
    Ok(Value::Int(identity_hash(obj.address())))
}

/// `format(obj, '')` is `str(obj)`; any other spec is an error.
fn object_format(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__format__")?.clone();
    let spec = exactly_one(vm, "object.__format__", &args[1..], kwargs)?;
    match spec {
        Value::Str(s) if s.is_empty() => Ok(Value::string(vm.to_str(&obj)?)),
        Value::Str(_) => {
            let tn = vm.type_name(&obj);
            Err(vm.type_error(format!(
                "unsupported format string passed to {tn}.__format__"
            )))
        }
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("format() argument 2 must be str, not {tn}")))
        }
    }
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

/// `object.__setattr__(self, name, value)`: honours properties of the
/// class, otherwise stores in the instance (never calls `__setattr__`).
fn object_setattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__setattr__")?.clone();
    no_kwargs(vm, "__setattr__", kwargs)?;
    expect_count(vm, "__setattr__", &args[1..], 2, 2)?;
    let name = name_arg(vm, &args[1])?;
    let class = vm.type_of(&obj);
    if let Some(Value::Property(p)) = class.lookup(&name) {
        if p.fset.is_none() {
            return Err(vm.new_error(
                crate::vm::exceptions::ExcKind::AttributeError,
                format!("property '{name}' of '{}' object has no setter", class.name),
            ));
        }
        let fset = p.fset.clone();
        vm.call(&fset, vec![obj, args[2].clone()], &[])?;
        return Ok(Value::None);
    }
    vm.setattr_raw(&obj, &name, args[2].clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__getattribute__")?.clone();
    let name = exactly_one(vm, "__getattribute__", &args[1..], kwargs)?;
    let name = name_arg(vm, name)?;
    vm.getattr(&obj, &name)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let obj = self_of(vm, args, "__delattr__")?.clone();
    let name = exactly_one(vm, "__delattr__", &args[1..], kwargs)?;
    let name = name_arg(vm, name)?;
    vm.delattr(&obj, &name)?;
    Ok(Value::None)
}

/// The default `__init_subclass__` accepts no class keywords.
fn object_init_subclass(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let name = match args.first() {
        Some(Value::Type(t)) => t.name.clone(),
        _ => "object".to_owned(),
    };
    no_kwargs(vm, &format!("{name}.__init_subclass__"), kwargs)?;
    takes_count(vm, &format!("{name}.__init_subclass__"), &args[1..], 0, 0)?;
    Ok(Value::None)
}

/// `type(obj)` returns the class; `type(name, bases, namespace)` makes one.
fn type_new(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    match rest {
        [obj] if kwargs.is_empty() => Ok(Value::Type(vm.type_of(obj))),
        [name, bases, namespace] => make_type(vm, name, bases, namespace),
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn make_type(vm: &mut Vm, name: &Value, bases: &Value, namespace: &Value) -> PyResult<Value> {
    let Value::Str(name) = name else {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {tn}")));
    };
    let Value::Tuple(base_values) = bases else {
        let tn = vm.type_name(bases);
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {tn}")));
    };
    let Value::Dict(ns) = namespace else {
        let tn = vm.type_name(namespace);
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {tn}")));
    };
    let mut class_bases: Vec<Rc<TypeObj>> = Vec::with_capacity(base_values.len());
    for base in base_values.iter() {
        match base {
            Value::Type(t) => class_bases.push(t.clone()),
            other => {
                let tn = vm.type_name(other);
                return Err(vm.type_error(format!("bases must be types, not {tn}")));
            }
        }
    }
    let mut attrs = AttrMap::default();
    for (k, v) in ns.map.borrow().iter() {
        if let Value::Str(key) = &k.value {
            attrs.insert(key.as_str().into(), v.clone());
        }
    }
    if !attrs.contains_key("__module__") {
        let module = vm
            .frames
            .last()
            .and_then(|f| f.globals.get_str("__name__"))
            .unwrap_or_else(|| Value::str("__main__"));
        attrs.insert("__module__".into(), module);
    }
    let qualname = match attrs.shift_remove("__qualname__") {
        Some(Value::Str(q)) => q.as_str().to_owned(),
        _ => name.as_str().to_owned(),
    };
    let class = vm.make_class(name.as_str(), &qualname, class_bases, attrs)?;
    Ok(Value::Type(class))
}

/// `C.mro()`: the class followed by its linearised bases.
fn type_mro(vm: &mut Vm, args: &[Value], _kwargs: &KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => {
            let mut items = vec![Value::Type(t.clone())];
            items.extend(t.mro.iter().map(|m| Value::Type(m.clone())));
            Ok(Value::list(items))
        }
        _ => Err(vm.type_error("descriptor 'mro' of 'type' object needs an argument")),
    }
}
