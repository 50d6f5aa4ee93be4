//! The built-in types as class objects, so `type(x)`, `isinstance` and
//! method lookup treat built-in and user classes alike.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{AttrMap, Layout, TypeObj};
use crate::vm::Vm;

macro_rules! builtin_types {
    ($($field:ident => $name:literal),* $(,)?) => {
        /// One class object per built-in type.
        pub struct BuiltinTypes {
            pub object: Rc<TypeObj>,
            pub type_: Rc<TypeObj>,
            pub bool_: Rc<TypeObj>,
            pub int: Rc<TypeObj>,
            $(pub $field: Rc<TypeObj>,)*
            /// Classes of native objects, made on first use, by type name.
            pub native: RefCell<HashMap<&'static str, Rc<TypeObj>>>,
        }

        fn create_plain_types(object: &Rc<TypeObj>) -> (Rc<TypeObj>, Vec<Rc<TypeObj>>) {
            let type_ = new_type("type", std::slice::from_ref(object), Layout::Builtin);
            let mut others = vec![new_type("int", std::slice::from_ref(object), Layout::Builtin)];
            others.extend([$(new_type($name, std::slice::from_ref(object), Layout::Builtin)),*]);
            (type_, others)
        }

        fn assemble(object: Rc<TypeObj>, type_: Rc<TypeObj>, others: Vec<Rc<TypeObj>>) -> BuiltinTypes {
            let mut it = others.into_iter();
            let int = it.next().expect("int comes first");
            let bool_ = new_type("bool", std::slice::from_ref(&int), Layout::Builtin);
            BuiltinTypes {
                object,
                type_,
                bool_,
                int,
                $($field: it.next().expect("one type per field"),)*
                native: RefCell::new(HashMap::new()),
            }
        }
    };
}

builtin_types! {
    float => "float",
    str => "str",
    bytes => "bytes",
    list => "list",
    tuple => "tuple",
    dict => "dict",
    set => "set",
    frozenset => "frozenset",
    range => "range",
    slice => "slice",
    none_type => "NoneType",
    not_implemented_type => "NotImplementedType",
    ellipsis => "ellipsis",
    function => "function",
    builtin_function => "builtin_function_or_method",
    method => "method",
    module => "module",
    generator => "generator",
    coroutine => "coroutine",
    async_generator => "async_generator",
    cell => "cell",
    code => "code",
    property => "property",
    staticmethod => "staticmethod",
    classmethod => "classmethod",
    super_ => "super",
    iterator => "iterator",
}

/// A type with the given bases; the MRO is computed by C3 (built-in types
/// only ever have simple chains, so this cannot fail for them).
pub fn new_type(name: &str, bases: &[Rc<TypeObj>], layout: Layout) -> Rc<TypeObj> {
    let mro = crate::vm::classes::c3_mro(bases).unwrap_or_default();
    Rc::new(TypeObj::new(
        name.to_owned(),
        name.to_owned(),
        "builtins".to_owned(),
        bases.to_vec(),
        mro,
        AttrMap::default(),
        layout,
    ))
}

/// Creates the built-in types and the exception classes (indexed by `ExcKind`).
pub fn create_builtin_types() -> (BuiltinTypes, Vec<Rc<TypeObj>>) {
    let object = Rc::new(TypeObj::new(
        "object".into(),
        "object".into(),
        "builtins".into(),
        vec![],
        vec![],
        AttrMap::default(),
        Layout::Object,
    ));
    let (type_, others) = create_plain_types(&object);
    let types = assemble(object.clone(), type_, others);
    let mut exc_types: Vec<Rc<TypeObj>> = Vec::with_capacity(ExcKind::ALL.len());
    for kind in ExcKind::ALL {
        let bases: Vec<Rc<TypeObj>> = if kind.bases().is_empty() {
            vec![object.clone()]
        } else {
            kind.bases()
                .iter()
                .map(|b| exc_types[*b as usize].clone())
                .collect()
        };
        exc_types.push(new_type(kind.name(), &bases, Layout::Exception));
    }
    (types, exc_types)
}

impl Vm {
    /// The class of any value.
    pub fn type_of(&self, v: &Value) -> Rc<TypeObj> {
        let t = &self.types;
        match v {
            Value::None => t.none_type.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::List(_) => t.list.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Code(_) => t.code.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::BoundMethod(_) => t.method.clone(),
            Value::Type(_) => t.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Generator(g) => match g.kind {
                crate::vm::objects::GenKind::Generator => t.generator.clone(),
                crate::vm::objects::GenKind::Coroutine => t.coroutine.clone(),
                crate::vm::objects::GenKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Cell(_) => t.cell.clone(),
            Value::Iter(_) => t.iterator.clone(),
            Value::Property(_) => t.property.clone(),
            Value::StaticMethod(_) => t.staticmethod.clone(),
            Value::ClassMethod(_) => t.classmethod.clone(),
            Value::Super(_) => t.super_.clone(),
            Value::Native(n) => self.native_type(n.type_name()),
        }
    }

    /// `type(x).__name__`
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::Native(n) => n.type_name().to_owned(),
            Value::Iter(it) => crate::vm::builtins::iter_type_name(it).to_owned(),
            _ => self.type_of(v).display_name(),
        }
    }

    /// Native objects share one class per type name, made on first use.
    fn native_type(&self, name: &'static str) -> Rc<TypeObj> {
        self.types
            .native
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                new_type(
                    name,
                    std::slice::from_ref(&self.types.object),
                    Layout::Builtin,
                )
            })
            .clone()
    }
}
