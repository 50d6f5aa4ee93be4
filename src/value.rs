//! Python values.
//!
//! `Value` is a cheap-to-clone handle: small immutable values are stored
//! inline, everything else behind an `Rc`. Reference counting gives the
//! deterministic finalisation CPython has (a dropped, never-awaited
//! coroutine warns at the line that dropped it).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::CodeObject;
use crate::vm::objects::{
    BoundMethod, BuiltinFunction, Cell, DictObj, FunctionObj, GeneratorObj, Instance, IterObj,
    ModuleObj, NativeObject, PropertyObj, RangeObj, SetObj, SliceObj, SuperObj, TypeObj,
};
use crate::vm::strings::PyStr;

#[derive(Clone)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    /// The fast path of `int`; arithmetic promotes to `BigInt` on overflow,
    /// and results that fit are demoted back, so an `Int` never holds a value
    /// a `BigInt` also could be asked to hold.
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Str(Rc<PyStr>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Value]>),
    List(Rc<RefCell<Vec<Value>>>),
    Dict(Rc<DictObj>),
    Set(Rc<SetObj>),
    FrozenSet(Rc<SetObj>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Code(Rc<CodeObject>),
    Function(Rc<FunctionObj>),
    Builtin(Rc<BuiltinFunction>),
    BoundMethod(Rc<BoundMethod>),
    /// Classes, built-in and user-defined alike.
    Type(Rc<TypeObj>),
    Instance(Rc<Instance>),
    Module(Rc<ModuleObj>),
    /// Generators, coroutines and async generators.
    Generator(Rc<GeneratorObj>),
    Cell(Rc<Cell>),
    /// Built-in iterators (list, range, dict, zip, map, ...).
    Iter(Rc<IterObj>),
    Property(Rc<PropertyObj>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<SuperObj>),
    /// Iterators, views, frames, simulated threads and other objects with a
    /// native implementation.
    Native(Rc<dyn NativeObject>),
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b:?}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Tuple(t) => f.debug_list().entries(t.iter()).finish(),
            Value::Code(c) => write!(f, "<code {}>", c.qualname),
            _ => write!(f, "<object at {:#x}>", self.raw_address()),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    /// An int from a big integer, demoted to the fast path when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        match n.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(n)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as Python's `is`.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            // Small ints are shared in CPython; equal fast-path ints are
            // treated as the same object, which is what programs observe.
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a.as_str() == b.as_str()),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Type(a), Type(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (Property(a), Property(b)) => Rc::ptr_eq(a, b),
            (StaticMethod(a), StaticMethod(b)) | (ClassMethod(a), ClassMethod(b)) => {
                Rc::ptr_eq(a, b)
            }
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// The address shown by `id()` and default reprs. Heap addresses vary
    /// between runs (ASLR), so each distinct live address is numbered in the
    /// order it is first shown: same program, same numbers.
    pub fn address(&self) -> usize {
        thread_local! {
            static SHOWN: RefCell<std::collections::HashMap<usize, usize>> =
                RefCell::new(std::collections::HashMap::new());
        }
        let raw = self.raw_address();
        if raw < 0x10000 {
            return raw;
        }
        SHOWN.with(|shown| {
            let mut shown = shown.borrow_mut();
            let next = 0x7f3a_1c00_0000 + shown.len() * 0x10;
            *shown.entry(raw).or_insert(next)
        })
    }

    fn raw_address(&self) -> usize {
        use Value::*;
        match self {
            None => 0x1000,
            NotImplemented => 0x1010,
            Ellipsis => 0x1020,
            Bool(b) => 0x1030 + *b as usize * 0x10,
            Int(i) => 0x2000 + (*i as usize & 0x3ff) * 32,
            Float(_) => 0x9000,
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Type(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Property(r) => Rc::as_ptr(r) as *const u8 as usize,
            StaticMethod(r) | ClassMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Super(r) => Rc::as_ptr(r) as *const u8 as usize,
            Native(r) => Rc::as_ptr(r) as *const u8 as usize,
        }
    }
}
