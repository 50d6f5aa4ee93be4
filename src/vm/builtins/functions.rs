//! The `builtins` namespace: functions, types and constants by name.

pub mod introspection;
mod io;
mod iteration;
mod numeric;

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::Vm;

/// Registers every built-in function, type, exception class and constant.
pub fn install(vm: &mut Vm) {
    io::install(vm);
    iteration::install(vm);
    numeric::install(vm);
    introspection::install(vm);
    install_types(vm);
    install_constants(vm);
}

fn install_types(vm: &mut Vm) {
    let t = &vm.types;
    let types = [
        ("object", &t.object),
        ("type", &t.type_),
        ("bool", &t.bool_),
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ];
    for (name, class) in types {
        vm.builtins.set_str(name, Value::Type(class.clone()));
    }
    for &kind in ExcKind::ALL {
        let class = vm.exc_type(kind).clone();
        vm.builtins.set_str(kind.name(), Value::Type(class));
    }
    let os_error = vm.exc_type(ExcKind::OSError).clone();
    for alias in ["EnvironmentError", "IOError"] {
        vm.builtins.set_str(alias, Value::Type(os_error.clone()));
    }
}

fn install_constants(vm: &mut Vm) {
    vm.builtins.set_str("None", Value::None);
    vm.builtins.set_str("True", Value::Bool(true));
    vm.builtins.set_str("False", Value::Bool(false));
    vm.builtins.set_str("NotImplemented", Value::NotImplemented);
    vm.builtins.set_str("Ellipsis", Value::Ellipsis);
    vm.builtins.set_str("__debug__", Value::Bool(true));
}
