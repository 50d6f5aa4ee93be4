//! The methods of the built-in types, one file per type, and the helpers
//! they share for registering constructors and read-only attributes.

pub mod bytes;
pub mod descriptors;
pub mod dict;
pub mod dict_views;
pub mod exceptions;
pub mod float;
pub mod int;
pub mod iterator;
pub mod list;
pub mod object;
pub mod range;
pub mod set;
pub mod slice;
pub mod string;
mod string_format;
pub mod tuple;

use std::rc::Rc;

use crate::value::Value;
use crate::vm::builtins::native_function;
use crate::vm::objects::{Layout, NativeFn, PropertyObj, TypeObj};
use crate::vm::types::new_type;
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    object::install(vm);
    int::install(vm);
    float::install(vm);
    string::install(vm);
    bytes::install(vm);
    list::install(vm);
    tuple::install(vm);
    dict::install(vm);
    dict_views::install(vm);
    set::install(vm);
    range::install(vm);
    slice::install(vm);
    iterator::install(vm);
    descriptors::install(vm);
    exceptions::install(vm);
}

/// Registers a constructor: `__new__` is a static method, so it receives
/// the class explicitly (`int.__new__(int, "5")`, `super().__new__(cls)`).
pub fn add_new(class: &Rc<TypeObj>, func: NativeFn) {
    let f = native_function("__new__", format!("{}.__new__", class.name), func);
    class
        .dict
        .borrow_mut()
        .insert("__new__".into(), Value::StaticMethod(Rc::new(f)));
}

/// Registers a read-only attribute computed by `fget(self)`
/// (`int.real`, `range.start`, `StopIteration.value`).
pub fn add_property(class: &Rc<TypeObj>, name: &'static str, fget: NativeFn) {
    add_property_rw(class, name, fget, None);
}

/// An attribute with a getter and, optionally, a setter `fset(self, value)`.
pub fn add_property_rw(
    class: &Rc<TypeObj>,
    name: &'static str,
    fget: NativeFn,
    fset: Option<NativeFn>,
) {
    let qualname = format!("{}.{}", class.name, name);
    let property = PropertyObj {
        fget: native_function(name, qualname.clone(), fget),
        fset: fset
            .map(|f| native_function(name, qualname, f))
            .unwrap_or(Value::None),
        fdel: Value::None,
        doc: Value::None,
    };
    class
        .dict
        .borrow_mut()
        .insert(name.into(), Value::Property(Rc::new(property)));
}

/// The class of native objects named `name` (shared with `Vm::type_of`),
/// so their methods can be registered before any instance exists.
pub fn native_class(vm: &Vm, name: &'static str) -> Rc<TypeObj> {
    vm.types
        .native
        .borrow_mut()
        .entry(name)
        .or_insert_with(|| {
            new_type(
                name,
                std::slice::from_ref(&vm.types.object),
                Layout::Builtin,
            )
        })
        .clone()
}

/// The Python exception for a failure of the text library.
pub fn text_error(vm: &mut Vm, err: crate::text::TextError) -> crate::vm::exceptions::PyErr {
    use crate::text::TextErrorKind;
    use crate::vm::exceptions::ExcKind;
    let kind = match err.kind {
        TextErrorKind::ValueError => ExcKind::ValueError,
        TextErrorKind::TypeError => ExcKind::TypeError,
        TextErrorKind::OverflowError => ExcKind::OverflowError,
        TextErrorKind::ZeroDivisionError => ExcKind::ZeroDivisionError,
        TextErrorKind::MemoryError => ExcKind::MemoryError,
    };
    vm.new_error(kind, err.message)
}
