//! The heap objects behind `Value`'s reference variants.

use std::any::Any;
use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;

use crate::bytecode::CodeObject;
use crate::value::Value;
use crate::vm::exceptions::TraceEntry;
use crate::vm::frame::Frame;
use crate::vm::hash::HashKey;
use crate::vm::instance_attrs::{InstanceAttrs, Shape};
use crate::vm::PyResult;
use crate::vm::Vm;

pub use crate::vm::attrmap::AttrMap;

/// A fast, fixed-seed hasher: key order is insertion order anyway, and
/// dict keys carry their Python hash already.
pub type FastHash = std::hash::BuildHasherDefault<rustc_hash::FxHasher>;

/// Keyword arguments as the VM passes them to natives.
pub type KwArgs = [(Rc<str>, Value)];

/// A function implemented in Rust. Methods receive `self` as `args[0]`.
pub type NativeFn = fn(&mut Vm, &[Value], &KwArgs) -> PyResult<Value>;

/// The native layout instances of a type (and of its subclasses) carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    /// A built-in type whose values are not `Instance`s (int, str, list, ...):
    /// it cannot be subclassed yet.
    Builtin,
}

pub struct TypeObj {
    pub name: String,
    pub qualname: String,
    pub module: String,
    pub bases: Vec<Rc<TypeObj>>,
    /// The C3 linearisation without the type itself (which would be a cycle).
    pub mro: Vec<Rc<TypeObj>>,
    pub dict: RefCell<AttrMap>,
    pub layout: Layout,
    /// The shape of its instances before they have attributes: the root
    /// of the tree of their shapes (`InstanceAttrs`).
    pub instance_shape: Rc<Shape>,
    /// How many attributes its instances have grown to: new instances
    /// start with room for that many, so `__init__` does not regrow them.
    pub instance_attrs: StdCell<usize>,
    /// MRO lookups already made, valid while `TYPE_EPOCH` is unchanged.
    pub lookup_cache: RefCell<LookupCache>,
    /// `plain_attributes()` as of an epoch.
    plain_attributes: StdCell<Option<(u64, bool)>>,
}

/// What a type's MRO lookups found, by name, with the `TYPE_EPOCH` of then.
pub type LookupCache = IndexMap<Rc<str>, (u64, Option<Value>), FastHash>;

/// Bumped whenever any type's namespace changes after creation: that may
/// change what a lookup along any MRO finds, so every cached one expires.
static TYPE_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl TypeObj {
    pub fn new(
        name: String,
        qualname: String,
        module: String,
        bases: Vec<Rc<TypeObj>>,
        mro: Vec<Rc<TypeObj>>,
        dict: AttrMap,
        layout: Layout,
    ) -> TypeObj {
        TypeObj {
            name,
            qualname,
            module,
            bases,
            mro,
            dict: RefCell::new(dict),
            layout,
            instance_shape: Rc::default(),
            instance_attrs: StdCell::new(0),
            lookup_cache: RefCell::default(),
            plain_attributes: StdCell::new(None),
        }
    }

    /// Whether storing an attribute on an instance is a plain store in its
    /// dict: no class on the MRO defines `__setattr__`, `__slots__`, a
    /// property or another descriptor with `__set__`.
    pub fn plain_attributes(&self) -> bool {
        let epoch = TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed);
        if let Some((seen, plain)) = self.plain_attributes.get() {
            if seen == epoch {
                return plain;
            }
        }
        let plain = std::iter::once(self)
            .chain(self.mro.iter().map(|t| &**t))
            .filter(|t| !t.mro.is_empty())
            .all(|t| {
                t.dict.borrow().iter().all(|(name, value)| {
                    let descriptor = match value {
                        Value::Property(_) => true,
                        Value::Instance(i) => i.class.lookup("__set__").is_some(),
                        _ => false,
                    };
                    !descriptor && &**name != "__setattr__" && &**name != "__slots__"
                })
            });
        self.plain_attributes.set(Some((epoch, plain)));
        plain
    }

    /// Stores a name in the type's namespace.
    pub fn set_attr(&self, name: &str, value: Value) {
        self.dict.borrow_mut().insert(attribute_key(name), value);
        TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// Removes a name from the type's namespace; whether it was there.
    pub fn remove_attr(&self, name: &str) -> bool {
        TYPE_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.dict.borrow_mut().shift_remove(name).is_some()
    }
}

impl TypeObj {
    /// Looks a name up along the MRO, the type itself first.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if self.mro.is_empty() {
            return self.dict.borrow().get(name).cloned();
        }
        let epoch = TYPE_EPOCH.load(std::sync::atomic::Ordering::Relaxed);
        if let Some((seen, found)) = self.lookup_cache.borrow().get(name) {
            if *seen == epoch {
                return found.clone();
            }
        }
        let found = self.dict.borrow().get(name).cloned().or_else(|| {
            self.mro
                .iter()
                .find_map(|t| t.dict.borrow().get(name).cloned())
        });
        self.lookup_cache
            .borrow_mut()
            .insert(attribute_key(name), (epoch, found.clone()));
        found
    }

    pub fn is_subtype(self: &Rc<Self>, other: &Rc<TypeObj>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|t| Rc::ptr_eq(t, other))
    }

    pub fn is_exception(&self) -> bool {
        self.layout == Layout::Exception
    }

    /// A name attribute as the program sees it: assigning `C.__name__`
    /// (and `__qualname__`, `__module__`) after creation stores an
    /// override in the class's own namespace.
    fn overridden(&self, key: &str, original: &str) -> String {
        match self.dict.borrow().get(key) {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => original.to_owned(),
        }
    }

    pub fn display_name(&self) -> String {
        self.overridden("__name__", &self.name)
    }

    pub fn display_qualname(&self) -> String {
        self.overridden("__qualname__", &self.qualname)
    }

    pub fn display_module(&self) -> String {
        self.overridden("__module__", &self.module)
    }
}

thread_local! {
    /// One shared `Rc<str>` per attribute name ever stored in an instance.
    static ATTRIBUTE_NAMES: RefCell<std::collections::HashSet<Rc<str>, FastHash>> =
        RefCell::new(std::collections::HashSet::default());
}

/// The shared key for an attribute name: instances hold a pointer to it
/// instead of a copy of the text each.
pub fn attribute_key(name: &str) -> Rc<str> {
    ATTRIBUTE_NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(key) = names.get(name) {
            return key.clone();
        }
        let key: Rc<str> = name.into();
        names.insert(key.clone());
        key
    })
}

impl Instance {
    pub fn new(class: &Rc<TypeObj>, exc: Option<Box<RefCell<ExcData>>>) -> Instance {
        let attrs = InstanceAttrs::new(&class.instance_shape, class.instance_attrs.get());
        Instance {
            class: class.clone(),
            attrs: RefCell::new(attrs),
            exc,
        }
    }

    /// An attribute of the instance's own dict.
    pub fn attr(&self, name: &str) -> Option<Value> {
        self.attrs.borrow().get(name).cloned()
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attrs.borrow().get(name).is_some()
    }

    /// Stores an attribute in the instance's own dict.
    pub fn set_attr(&self, name: &str, value: Value) {
        let count = self.attrs.borrow_mut().insert(name, value);
        let hint = &self.class.instance_attrs;
        hint.set(hint.get().max(count));
    }

    pub fn remove_attr(&self, name: &str) -> Option<Value> {
        self.attrs.borrow_mut().remove(name)
    }

    /// The instance's own attributes, in the order they were first set.
    pub fn attrs(&self) -> Vec<(Rc<str>, Value)> {
        self.attrs.borrow().entries()
    }

    /// Room for `fields` attributes in all, for instances that will grow
    /// to that many before their class's siblings have shown it.
    pub fn reserve_attrs(&self, fields: usize) {
        self.attrs.borrow_mut().reserve_total(fields);
    }
}

pub struct Instance {
    pub class: Rc<TypeObj>,
    attrs: RefCell<InstanceAttrs>,
    /// Present for instances of exception classes.
    pub exc: Option<Box<RefCell<ExcData>>>,
}

/// What every exception carries besides its attributes.
#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Frames the exception passed through, innermost first.
    pub traceback: Vec<TraceEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

/// A function's `__name__` and `__qualname__`, which the generators and
/// coroutines a call makes share as they were at the call.
pub struct Names {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
}

pub struct FunctionObj {
    pub code: Rc<CodeObject>,
    pub globals: Rc<DictObj>,
    pub names: RefCell<Rc<Names>>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Option<Rc<DictObj>>,
    pub closure: Vec<Rc<Cell>>,
    /// `__dict__`: `__wrapped__`, `__doc__` set by decorators, and the like.
    pub dict: RefCell<AttrMap>,
    pub module: Value,
}

pub struct BuiltinFunction {
    pub name: &'static str,
    /// `list.append`, `print` (for reprs and error messages).
    pub qualname: String,
    pub func: NativeFn,
    /// Set for methods of built-in objects fetched as attributes.
    pub bound_self: Option<Value>,
}

pub struct BoundMethod {
    pub func: Value,
    pub self_value: Value,
}

pub struct ModuleObj {
    pub name: String,
    pub dict: Rc<DictObj>,
}

/// A closure cell; `None` while the variable is unbound.
pub struct Cell {
    pub value: RefCell<Option<Value>>,
}

impl Cell {
    pub fn new(value: Option<Value>) -> Rc<Cell> {
        Rc::new(Cell {
            value: RefCell::new(value),
        })
    }
}

pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

pub struct SuperObj {
    /// The class `super()` was called in: the lookup starts after it.
    pub this_class: Rc<TypeObj>,
    pub obj: Value,
    /// The type whose MRO is searched (type(obj), or obj itself for classmethods).
    pub obj_type: Rc<TypeObj>,
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn len(&self) -> i64 {
        let (lo, hi, step) = if self.step > 0 {
            (self.start, self.stop, self.step)
        } else {
            (self.stop, self.start, -self.step)
        };
        if lo >= hi {
            0
        } else {
            ((hi as i128 - lo as i128 - 1) / step as i128 + 1) as i64
        }
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// An insertion-ordered dict. Keys carry their Python hash.
#[derive(Default)]
pub struct DictObj {
    pub map: RefCell<IndexMap<HashKey, Value, FastHash>>,
}

impl DictObj {
    pub fn new() -> Rc<DictObj> {
        Rc::new(DictObj::default())
    }

    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.map
            .borrow()
            .get(&crate::vm::hash::StrLookup::new(key))
            .cloned()
    }

    pub fn set_str(&self, key: &str, value: Value) {
        self.map
            .borrow_mut()
            .insert(HashKey::from_str_value(Value::str(key)), value);
    }

    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// A new dict holding a copy of an attribute namespace (`__dict__` and
    /// `vars()` of an instance, class or function).
    pub fn copy_of_attrs<'a>(attrs: impl IntoIterator<Item = (&'a Rc<str>, &'a Value)>) -> Value {
        let d = DictObj::new();
        for (k, v) in attrs {
            d.set_str(k, v.clone());
        }
        Value::Dict(d)
    }

    /// The (key, value) pairs as they are now: a copy, so that Python code
    /// run while going through them may change the dict.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.map
            .borrow()
            .iter()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Sets and frozensets.
#[derive(Default)]
pub struct SetObj {
    pub items: RefCell<crate::vm::settable::SetTable>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

/// Generators, coroutines and async generators share one machinery: a
/// suspended heap frame that `send` pushes back onto the VM's frame stack.
pub struct GeneratorObj {
    pub kind: GenKind,
    pub state: StdCell<GenState>,
    pub frame: RefCell<Option<Box<Frame>>>,
    pub code: Rc<CodeObject>,
    pub names: Rc<Names>,
    /// An async generator's `athrow`/`aclose` in progress and similar
    /// bookkeeping lives in the async-generator wrappers, not here.
    pub line_of_suspension: StdCell<u32>,
}

/// Iterator state for the built-in iterators.
pub struct IterObj {
    pub state: RefCell<IterState>,
}

pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Dict keys/values/items, or a set snapshot, by position.
    Dict {
        dict: Rc<DictObj>,
        index: usize,
        kind: DictIterKind,
        len: usize,
    },
    Items(std::vec::IntoIter<Value>),
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// A callable and sentinel: `iter(f, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictIterKind {
    Keys,
    Values,
    Items,
}

/// Objects implemented natively that need no dedicated variant: frames,
/// simulated threads, dict views, async-generator awaitables, ...
pub trait NativeObject {
    fn type_name(&self) -> &'static str;
    fn as_any(&self) -> &dyn Any;

    /// For the iterators `await` delegates to that are written in Rust
    /// (what a `Future`'s `__await__` returns, `sleep(0)`'s bare yield):
    /// one step of the delegation, receiving `sent`. `None`: not one.
    fn await_step(
        &self,
        _vm: &mut Vm,
        _sent: Value,
    ) -> Option<PyResult<crate::vm::interp::Delegation>> {
        None
    }

    /// Whether `await_step` applies (the object is its own await iterator).
    fn is_await_iterator(&self) -> bool {
        false
    }
}
