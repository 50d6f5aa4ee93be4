//! `__build_class__`: runs a class body in a fresh namespace and makes the
//! class from it.

use std::rc::Rc;

use crate::value::Value;
use crate::vm::frame::{Frame, ReturnMode};
use crate::vm::objects::{AttrMap, DictObj, KwArgs, TypeObj};
use crate::vm::{PyResult, Vm};

/// `__build_class__(body, name, *bases, **keywords)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kwargs: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("__build_class__: expected a class body and a name"));
    };
    let mut bases: Vec<Rc<TypeObj>> = Vec::new();
    for base in &args[2..] {
        match base {
            Value::Type(t) => bases.push(t.clone()),
            other => {
                return Err(
                    vm.type_error(format!("bases must be types, not {}", vm.type_name(other)))
                )
            }
        }
    }
    if let Some((key, _)) = kwargs.iter().find(|(k, _)| &**k != "metaclass") {
        return Err(vm.type_error(format!(
            "kairos does not support class keyword arguments yet ('{key}')"
        )));
    }
    if !kwargs.is_empty() {
        return Err(vm.type_error("kairos does not support metaclasses"));
    }
    let namespace = DictObj::new();
    let mut frame = vm.bind_arguments(body, Vec::new(), &[])?;
    frame.locals = Some(namespace.clone());
    frame.return_mode = ReturnMode::Push;
    let frame: Box<Frame> = frame;
    vm.run_frame(frame)?;
    let mut attrs = AttrMap::default();
    let mut class_cell = None;
    for (k, v) in namespace.map.borrow().iter() {
        if let Value::Str(s) = &k.value {
            if s.as_str() == "__classcell__" {
                class_cell = Some(v.clone());
                continue;
            }
            attrs.insert(s.as_str().into(), v.clone());
        }
    }
    let qualname = match attrs.get("__qualname__") {
        Some(Value::Str(q)) => q.as_str().to_owned(),
        _ => name.as_str().to_owned(),
    };
    attrs.shift_remove("__qualname__");
    let class = vm.make_class(name.as_str(), &qualname, bases, attrs)?;
    if let Some(Value::Cell(cell)) = class_cell {
        *cell.value.borrow_mut() = Some(Value::Type(class.clone()));
    }
    if let Some(init_subclass) = class
        .mro
        .iter()
        .find_map(|t| t.dict.borrow().get("__init_subclass__").cloned())
    {
        if matches!(init_subclass, Value::Function(_) | Value::ClassMethod(_)) {
            let f = match init_subclass {
                Value::ClassMethod(f) => (*f).clone(),
                other => other,
            };
            vm.call1(&f, Value::Type(class.clone()))?;
        }
    }
    Ok(Value::Type(class))
}
