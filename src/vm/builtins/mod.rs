//! Built-in functions and the methods of built-in types.
//!
//! Each file registers its functions in `install`; natives receive
//! `(vm, args, kwargs)` with `self` as `args[0]` for methods.

pub mod args;
pub mod class_builder;
pub mod functions;
pub mod methods;

use std::rc::Rc;

use crate::value::Value;
use crate::vm::objects::{BuiltinFunction, IterObj, IterState, NativeFn, TypeObj};
use crate::vm::Vm;

pub use class_builder::build_class;

/// Fills the builtins namespace and the built-in types' method tables.
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    methods::install(vm);
}

impl Vm {
    /// Registers a built-in function under `name` in the builtins namespace.
    pub fn add_builtin(&mut self, name: &'static str, func: NativeFn) {
        let f = native_function(name, name.to_owned(), func);
        self.builtins.set_str(name, f);
    }

    /// Registers a method on a built-in type.
    pub fn add_method(&mut self, class: &Rc<TypeObj>, name: &'static str, func: NativeFn) {
        let f = native_function(name, format!("{}.{}", class.name, name), func);
        class.set_attr(name, f);
    }

    /// Registers a classmethod-like constructor (`dict.fromkeys`): the
    /// class arrives as `args[0]`.
    pub fn add_classmethod(&mut self, class: &Rc<TypeObj>, name: &'static str, func: NativeFn) {
        let f = native_function(name, format!("{}.{}", class.name, name), func);
        class
            .dict
            .borrow_mut()
            .insert(name.into(), Value::ClassMethod(Rc::new(f)));
    }
}

pub fn native_function(name: &'static str, qualname: String, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(BuiltinFunction {
        name,
        qualname,
        func,
        bound_self: None,
    }))
}

/// `type(it).__name__` for the built-in iterators.
pub fn iter_type_name(it: &IterObj) -> &'static str {
    match &*it.state.borrow() {
        IterState::Seq { seq, .. } => match seq {
            Value::List(_) => "list_iterator",
            Value::Tuple(_) => "tuple_iterator",
            Value::Str(_) => "str_ascii_iterator",
            _ => "iterator",
        },
        IterState::Range { .. } => "range_iterator",
        IterState::Dict { kind, .. } => match kind {
            crate::vm::objects::DictIterKind::Keys => "dict_keyiterator",
            crate::vm::objects::DictIterKind::Values => "dict_valueiterator",
            crate::vm::objects::DictIterKind::Items => "dict_itemiterator",
        },
        IterState::Items(_) => "iterator",
        IterState::Enumerate { .. } => "enumerate",
        IterState::Zip { .. } => "zip",
        IterState::Map { .. } => "map",
        IterState::Filter { .. } => "filter",
        IterState::Callable { .. } => "callable_iterator",
        IterState::Exhausted => "iterator",
    }
}
