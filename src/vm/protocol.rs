//! The object protocols: attributes, items, truth, iteration, hashing and
//! the containers' key operations. Built-in types take fast paths; other
//! objects go through the dunder methods of their class.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::hash::HashKey;
use crate::vm::objects::{
    BoundMethod, BuiltinFunction, DictIterKind, DictObj, IterObj, IterState, KwArgs, Names, SetObj,
    TypeObj,
};
use crate::vm::{PyResult, Vm};

impl Vm {
    // ----- attributes -------------------------------------------------

    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.lookup_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.attribute_error(obj, name)),
        }
    }

    /// The attribute, or `None` when it does not exist (an AttributeError
    /// raised while looking, by a property or `__getattr__`, counts as absent).
    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.lookup_attr(obj, name) {
            Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::AttributeError) => Ok(None),
            other => other,
        }
    }

    pub fn attribute_error(&mut self, obj: &Value, name: &str) -> PyErr {
        let msg = match obj {
            Value::Type(t) => format!("type object '{}' has no attribute '{name}'", t.name),
            Value::Module(m) => format!("module '{}' has no attribute '{name}'", m.name),
            _ => format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
        };
        let err = self.new_error(ExcKind::AttributeError, msg);
        if let PyErr::Raise(e) = &err {
            let _ = self.setattr_raw(e, "name", Value::str(name));
            let _ = self.setattr_raw(e, "obj", obj.clone());
        }
        err
    }

    /// The attribute, `None` when it simply does not exist, or the error
    /// raised while computing it.
    fn lookup_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                // The instance's own attributes first: a data descriptor of
                // the class (which would take precedence) never lets its
                // name be stored there, since setting goes through it.
                if let Some(v) = inst.attr(name) {
                    return Ok(Some(v));
                }
                let class = inst.class.clone();
                let class_attr = class.lookup(name);
                if let Some(Value::Property(p)) = &class_attr {
                    if p.fget.is_none() {
                        return Err(self.new_error(
                            ExcKind::AttributeError,
                            format!("property '{name}' of '{}' object has no getter", class.name),
                        ));
                    }
                    let fget = p.fget.clone();
                    return self.call1(&fget, obj.clone()).map(Some);
                }
                if inst.exc.is_some() {
                    if let Some(v) = self.exception_attr(obj, name) {
                        return Ok(Some(v));
                    }
                }
                if let Some(attr) = class_attr {
                    return Ok(Some(self.bind(attr, obj, &class)?));
                }
                match name {
                    "__class__" => return Ok(Some(Value::Type(class))),
                    "__dict__" => {
                        let attrs = inst.attrs();
                        return Ok(Some(DictObj::copy_of_attrs(
                            attrs.iter().map(|(k, v)| (k, v)),
                        )));
                    }
                    _ => {}
                }
                if let Some(getattr) = class.lookup("__getattr__") {
                    return match self.call(&getattr, vec![obj.clone(), Value::str(name)], &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::AttributeError) => {
                            Err(PyErr::Raise(e))
                        }
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Value::Type(t) => self.type_getattr(t, name),
            Value::Module(m) => Ok(m.dict.get_str(name).or_else(|| match name {
                "__dict__" => Some(Value::Dict(m.dict.clone())),
                _ => None,
            })),
            Value::Super(s) => {
                let start = s
                    .obj_type
                    .mro
                    .iter()
                    .position(|t| Rc::ptr_eq(t, &s.this_class))
                    .map(|p| p + 1)
                    .unwrap_or(if Rc::ptr_eq(&s.obj_type, &s.this_class) {
                        0
                    } else {
                        usize::MAX
                    });
                let chain: Vec<Rc<TypeObj>> = std::iter::once(s.obj_type.clone())
                    .chain(s.obj_type.mro.iter().cloned())
                    .collect();
                let start = if Rc::ptr_eq(&s.obj_type, &s.this_class) {
                    1
                } else {
                    start + 1
                };
                for t in chain.iter().skip(start) {
                    let found = t.dict.borrow().get(name).cloned();
                    if let Some(attr) = found {
                        let obj_type = s.obj_type.clone();
                        return match (&s.obj, attr) {
                            (Value::Type(_), Value::Function(f)) => Ok(Some(Value::Function(f))),
                            (o, a) => Ok(Some(self.bind(a, &o.clone(), &obj_type)?)),
                        };
                    }
                }
                Ok(None)
            }
            _ => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                let class = self.type_of(obj);
                match class.lookup(name) {
                    Some(attr) => Ok(Some(self.bind(attr, obj, &class)?)),
                    None if name == "__class__" => Ok(Some(Value::Type(class))),
                    None => Ok(None),
                }
            }
        }
    }

    fn type_getattr(&mut self, t: &Rc<TypeObj>, name: &str) -> PyResult<Option<Value>> {
        match name {
            "__name__" => return Ok(Some(Value::string(t.display_name()))),
            "__qualname__" => return Ok(Some(Value::string(t.display_qualname()))),
            "__module__" => {
                if let Some(v) = t.dict.borrow().get("__module__") {
                    return Ok(Some(v.clone()));
                }
                return Ok(Some(Value::str(&t.module)));
            }
            "__mro__" => {
                let mut items = vec![Value::Type(t.clone())];
                items.extend(t.mro.iter().map(|m| Value::Type(m.clone())));
                return Ok(Some(Value::tuple(items)));
            }
            "__bases__" => {
                return Ok(Some(Value::tuple(
                    t.bases.iter().map(|b| Value::Type(b.clone())).collect(),
                )))
            }
            "__base__" => {
                return Ok(Some(
                    t.bases
                        .first()
                        .map(|b| Value::Type(b.clone()))
                        .unwrap_or(Value::None),
                ))
            }
            "__dict__" => return Ok(Some(DictObj::copy_of_attrs(t.dict.borrow().iter()))),
            "__class__" => return Ok(Some(Value::Type(self.types.type_.clone()))),
            "__doc__" if t.lookup("__doc__").is_none() => return Ok(Some(Value::None)),
            _ => {}
        }
        match t.lookup(name) {
            Some(Value::ClassMethod(f)) => Ok(Some(Value::BoundMethod(Rc::new(BoundMethod {
                func: (*f).clone(),
                self_value: Value::Type(t.clone()),
            })))),
            Some(Value::StaticMethod(f)) => Ok(Some((*f).clone())),
            Some(v) => Ok(Some(v)),
            None => {
                // Methods of `type` itself (e.g. `mro`).
                let meta = self.types.type_.clone();
                match meta.lookup(name) {
                    Some(attr) => Ok(Some(self.bind(attr, &Value::Type(t.clone()), &meta)?)),
                    None => Ok(None),
                }
            }
        }
    }

    /// Binds a class attribute found for `obj` (the descriptor protocol of
    /// functions, class/static methods and properties).
    pub fn bind(&mut self, attr: Value, obj: &Value, class: &Rc<TypeObj>) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) => Value::BoundMethod(Rc::new(BoundMethod {
                func: attr,
                self_value: obj.clone(),
            })),
            Value::Builtin(b) if b.bound_self.is_none() => {
                Value::Builtin(Rc::new(BuiltinFunction {
                    name: b.name,
                    qualname: b.qualname.clone(),
                    func: b.func,
                    bound_self: Some(obj.clone()),
                }))
            }
            Value::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                func: (*f).clone(),
                self_value: Value::Type(class.clone()),
            })),
            Value::StaticMethod(f) => (*f).clone(),
            Value::Property(p) => {
                let fget = p.fget.clone();
                self.call1(&fget, obj.clone())?
            }
            Value::Instance(ref i) => {
                // Descriptors defined in Python (`__get__`).
                match i.class.lookup("__get__") {
                    Some(get) => self.call(
                        &get,
                        vec![attr.clone(), obj.clone(), Value::Type(class.clone())],
                        &[],
                    )?,
                    None => attr,
                }
            }
            other => other,
        })
    }

    /// A method to call as `method(obj, *args)` without binding, when the
    /// attribute is a plain function or native method of obj's class.
    pub fn lookup_method(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let class = match obj {
            Value::Instance(inst) => {
                if inst.has_attr(name) {
                    return Ok(None);
                }
                inst.class.clone()
            }
            Value::Type(_) | Value::Module(_) | Value::Super(_) => return Ok(None),
            _ => self.type_of(obj),
        };
        Ok(match class.lookup(name) {
            Some(f @ Value::Function(_)) => Some(f),
            Some(Value::Builtin(b)) if b.bound_self.is_none() => Some(Value::Builtin(b)),
            _ => None,
        })
    }

    /// A special method looked up on the class and bound, or the
    /// TypeError CPython raises for a missing protocol.
    pub fn special_method(&mut self, obj: &Value, name: &str, protocol: &str) -> PyResult<Value> {
        let class = self.type_of(obj);
        match class.lookup(name) {
            Some(attr) => self.bind(attr, obj, &class),
            None => Err(self.type_error(format!(
                "'{}' object does not support {protocol}",
                class.name
            ))),
        }
    }

    /// Calls `type(obj).name(obj, *args)` if the class defines it.
    pub fn call_dunder(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        match class.lookup(name) {
            Some(method) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(obj.clone());
                full.extend(args);
                let method = match method {
                    Value::StaticMethod(f) => (*f).clone(),
                    other => other,
                };
                self.call(&method, full, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if inst.exc.is_none() && inst.class.plain_attributes() {
                inst.set_attr(name, value);
                return Ok(());
            }
            let class = inst.class.clone();
            match class.lookup(name) {
                Some(Value::Property(p)) => {
                    if p.fset.is_none() {
                        return Err(self.new_error(
                            ExcKind::AttributeError,
                            format!("property '{name}' of '{}' object has no setter", class.name),
                        ));
                    }
                    let fset = p.fset.clone();
                    self.call(&fset, vec![obj.clone(), value], &[])?;
                    return Ok(());
                }
                Some(Value::Instance(d)) if d.class.lookup("__set__").is_some() => {
                    let set = d.class.lookup("__set__").unwrap_or(Value::None);
                    self.call(&set, vec![Value::Instance(d), obj.clone(), value], &[])?;
                    return Ok(());
                }
                _ => {}
            }
            if let Some(custom) = class.lookup("__setattr__") {
                if matches!(custom, Value::Function(_)) {
                    self.call(&custom, vec![obj.clone(), Value::str(name), value], &[])?;
                    return Ok(());
                }
            }
        }
        self.setattr_raw(obj, name, value)
    }

    /// `object.__setattr__`: stores without consulting the class.
    pub fn setattr_raw(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(exc) = &inst.exc {
                    let mut data = exc.borrow_mut();
                    match name {
                        "__cause__" => {
                            data.cause = (!value.is_none()).then(|| value.clone());
                            data.suppress_context = true;
                            return Ok(());
                        }
                        "__context__" => {
                            data.context = (!value.is_none()).then(|| value.clone());
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            data.suppress_context = matches!(value, Value::Bool(true));
                            return Ok(());
                        }
                        "args" => {
                            drop(data);
                            let items = self.collect_iterable(&value)?;
                            if let Some(exc) = &inst.exc {
                                exc.borrow_mut().args = items;
                            }
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if !slots_allow(&inst.class, name) {
                    return Err(self.attribute_error(obj, name));
                }
                inst.set_attr(name, value);
                Ok(())
            }
            Value::Type(t) => {
                t.set_attr(name, value);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" | "__qualname__" => {
                        if let Value::Str(s) = &value {
                            let mut names = f.names.borrow_mut();
                            let text: Rc<str> = s.as_str().into();
                            *names = Rc::new(if name == "__name__" {
                                Names {
                                    name: text,
                                    qualname: names.qualname.clone(),
                                }
                            } else {
                                Names {
                                    name: names.name.clone(),
                                    qualname: text,
                                }
                            });
                        }
                    }
                    _ => {
                        f.dict.borrow_mut().insert(name.into(), value);
                    }
                }
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_str(name, value);
                Ok(())
            }
            _ => Err(self.new_error(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            )),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            let class = inst.class.clone();
            if let Some(Value::Property(p)) = class.lookup(name) {
                if p.fdel.is_none() {
                    return Err(self.new_error(
                        ExcKind::AttributeError,
                        format!(
                            "property '{name}' of '{}' object has no deleter",
                            class.name
                        ),
                    ));
                }
                let fdel = p.fdel.clone();
                self.call1(&fdel, obj.clone())?;
                return Ok(());
            }
            if let Some(custom @ Value::Function(_)) = class.lookup("__delattr__") {
                self.call(&custom, vec![obj.clone(), Value::str(name)], &[])?;
                return Ok(());
            }
        }
        let removed = match obj {
            Value::Instance(inst) => inst.remove_attr(name).is_some(),
            Value::Type(t) => t.remove_attr(name),
            Value::Function(f) => f.dict.borrow_mut().shift_remove(name).is_some(),
            Value::Module(m) => self.dict_del_str(&m.dict, name).is_some(),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.attribute_error(obj, name))
        }
    }

    /// Attributes every exception has.
    fn exception_attr(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let data = Vm::exc_data(obj)?.borrow();
        Some(match name {
            "args" => Value::tuple(data.args.clone()),
            "__cause__" => data.cause.clone().unwrap_or(Value::None),
            "__context__" => data.context.clone().unwrap_or(Value::None),
            "__suppress_context__" => Value::Bool(data.suppress_context),
            "__traceback__" => {
                if data.traceback.is_empty() {
                    Value::None
                } else {
                    Value::Bool(true)
                }
            }
            _ => return None,
        })
    }

    // ----- truth, length, containment -------------------------------

    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.items.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) = self.call_dunder(v, "__bool__", vec![])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(n) = self.call_dunder(v, "__len__", vec![])? {
                    return Ok(self.to_index(&n)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.len(),
            Value::Bytes(b) => b.len(),
            Value::Tuple(t) => t.len(),
            Value::List(l) => l.borrow().len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) | Value::FrozenSet(s) => s.items.borrow().len(),
            Value::Range(r) => r.len() as usize,
            _ => match self.call_dunder(v, "__len__", vec![])? {
                Some(n) => {
                    let n = self.to_index(&n)?;
                    if n < 0 {
                        return Err(self.value_error("__len__() should return >= 0"));
                    }
                    n as usize
                }
                None => {
                    return Err(self.type_error(format!(
                        "object of type '{}' has no len()",
                        self.type_name(v)
                    )))
                }
            },
        })
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                self.sequence_contains(&items, item)
            }
            Value::Tuple(t) => {
                let items = t.clone();
                self.sequence_contains(&items, item)
            }
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) | Value::FrozenSet(s) => self.set_contains(s, item),
            Value::Range(r) => Ok(match item {
                Value::Int(i) => {
                    let i = *i;
                    let in_bounds = if r.step > 0 {
                        i >= r.start && i < r.stop
                    } else {
                        i <= r.start && i > r.stop
                    };
                    in_bounds && (i - r.start) % r.step == 0
                }
                _ => false,
            }),
            _ => {
                if let Some(r) = self.call_dunder(container, "__contains__", vec![item.clone()])? {
                    return self.is_true(&r);
                }
                if !self.has_iter(container) {
                    return Err(self.type_error(format!(
                        "argument of type '{}' is not iterable",
                        self.type_name(container)
                    )));
                }
                let it = self.get_iter(container)?;
                while let Some(x) = self.iter_next(&it)? {
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    fn sequence_contains(&mut self, items: &[Value], item: &Value) -> PyResult<bool> {
        for x in items {
            if x.is(item) || self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- hashing and containers ------------------------------------

    pub fn hash_key(&mut self, v: Value) -> PyResult<HashKey> {
        if let Some(key) = HashKey::new(v.clone()) {
            return Ok(key);
        }
        let hash = self.hash(&v)?;
        Ok(HashKey { hash, value: v })
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = crate::vm::hash::builtin_hash(v) {
            return Ok(h);
        }
        if let Value::Instance(inst) = v {
            let class = inst.class.clone();
            match class.lookup("__hash__") {
                Some(Value::None) => {}
                Some(f @ Value::Function(_)) => {
                    let h = self.call1(&f, v.clone())?;
                    return self.to_index(&h);
                }
                _ => {
                    let defines_eq = matches!(class.lookup("__eq__"), Some(Value::Function(_)));
                    if !defines_eq {
                        return Ok(crate::vm::hash::identity_hash(v.address()));
                    }
                }
            }
        }
        if let Value::Tuple(items) = v {
            let mut hashes = Vec::with_capacity(items.len());
            for item in items.iter() {
                hashes.push(self.hash(item)?);
            }
            return Ok(crate::vm::hash::tuple_hash(&hashes));
        }
        Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
    }

    pub fn dict_get(&mut self, d: &Rc<DictObj>, k: &Value) -> PyResult<Option<Value>> {
        let key = self.hash_key(k.clone())?;
        if let Some(v) = d.map.borrow().get(&key) {
            return Ok(Some(v.clone()));
        }
        let candidates = same_hash(d.map.borrow().keys(), &key);
        let found = self.find_equal_key(candidates, &key)?;
        Ok(found.and_then(|i| d.map.borrow().get_index(i).map(|(_, v)| v.clone())))
    }

    pub fn dict_set(&mut self, d: &Rc<DictObj>, k: Value, v: Value) -> PyResult<()> {
        let key = self.hash_key(k)?;
        if !d.map.borrow().contains_key(&key) {
            let candidates = same_hash(d.map.borrow().keys(), &key);
            if let Some(i) = self.find_equal_key(candidates, &key)? {
                if let Some((_, slot)) = d.map.borrow_mut().get_index_mut(i) {
                    *slot = v;
                }
                return Ok(());
            }
        }
        d.map.borrow_mut().insert(key, v);
        Ok(())
    }

    pub fn dict_del(&mut self, d: &Rc<DictObj>, k: &Value) -> PyResult<Option<Value>> {
        let key = self.hash_key(k.clone())?;
        if let Some(v) = d.map.borrow_mut().shift_remove(&key) {
            return Ok(Some(v));
        }
        let candidates = same_hash(d.map.borrow().keys(), &key);
        let found = self.find_equal_key(candidates, &key)?;
        Ok(found.and_then(|i| d.map.borrow_mut().shift_remove_index(i).map(|(_, v)| v)))
    }

    /// Keys whose equality is defined in Python (`__eq__` of a class) are
    /// found by comparing with each stored key of the same hash.
    fn find_equal_key(
        &mut self,
        candidates: Vec<(usize, Value)>,
        key: &HashKey,
    ) -> PyResult<Option<usize>> {
        for (i, candidate) in candidates {
            if self.eq(&key.value, &candidate)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn dict_del_str(&mut self, d: &Rc<DictObj>, k: &str) -> Option<Value> {
        d.map
            .borrow_mut()
            .shift_remove(&crate::vm::hash::StrLookup::new(k))
    }

    /// `{**m}` and `f(**m)`: copies a mapping's items into `target`.
    pub fn dict_merge(
        &mut self,
        target: &Rc<DictObj>,
        mapping: &Value,
        func: Option<&Value>,
    ) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match mapping {
            Value::Dict(d) => d.items(),
            other => {
                let keys = match self.getattr_opt(other, "keys")? {
                    Some(keys) => self.call0(&keys)?,
                    None => {
                        let tn = self.type_name(other);
                        let msg = match func {
                            Some(f) => format!(
                                "{}() argument after ** must be a mapping, not {tn}",
                                self.callable_name(f)
                            ),
                            None => format!("'{tn}' object is not a mapping"),
                        };
                        return Err(self.type_error(msg));
                    }
                };
                let keys = self.collect_iterable(&keys)?;
                let mut items = Vec::new();
                for k in keys {
                    let v = self.getitem(other, &k)?;
                    items.push((k, v));
                }
                items
            }
        };
        for (k, v) in items {
            if let Some(f) = func {
                if !matches!(k, Value::Str(_)) {
                    return Err(self.type_error(format!(
                        "{}() keywords must be strings",
                        self.callable_name(f)
                    )));
                }
                if self.dict_get(target, &k)?.is_some() {
                    let name = match &k {
                        Value::Str(s) => s.as_str().to_owned(),
                        _ => String::new(),
                    };
                    return Err(self.type_error(format!(
                        "{}() got multiple values for keyword argument '{name}'",
                        self.callable_name(f)
                    )));
                }
            }
            self.dict_set(target, k, v)?;
        }
        Ok(())
    }

    /// The name CPython uses for a callable in argument errors.
    pub fn callable_name(&self, f: &Value) -> String {
        match f {
            Value::Function(func) => func.names.borrow().qualname.to_string(),
            Value::BoundMethod(m) => self.callable_name(&m.func),
            Value::Builtin(b) => b.name.to_owned(),
            Value::Type(t) => t.name.clone(),
            other => self.type_name(other),
        }
    }

    pub fn dict_to_kwargs(&mut self, d: &Rc<DictObj>) -> PyResult<Vec<(Rc<str>, Value)>> {
        let mut out = Vec::with_capacity(d.len());
        for (k, v) in d.map.borrow().iter() {
            match &k.value {
                Value::Str(s) => out.push((Rc::from(s.as_str()), v.clone())),
                _ => return Err(PyErr::Raise(Value::None)),
            }
        }
        Ok(out)
    }

    pub fn set_add(&mut self, s: &Rc<SetObj>, v: Value) -> PyResult<()> {
        let key = self.hash_key(v)?;
        if s.items.borrow().contains(&key) {
            return Ok(());
        }
        let candidates = same_hash(s.items.borrow().iter(), &key);
        if self.find_equal_key(candidates, &key)?.is_none() {
            s.items.borrow_mut().insert(key);
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &Rc<SetObj>, v: &Value) -> PyResult<bool> {
        let key = match v {
            Value::Set(inner) => {
                // `set in set` looks up the frozenset with the same items.
                Value::FrozenSet(inner.clone())
            }
            other => other.clone(),
        };
        let key = self.hash_key(key)?;
        if s.items.borrow().contains(&key) {
            return Ok(true);
        }
        let candidates = same_hash(s.items.borrow().iter(), &key);
        Ok(self.find_equal_key(candidates, &key)?.is_some())
    }

    // ----- iteration --------------------------------------------------

    pub fn has_iter(&self, v: &Value) -> bool {
        match v {
            Value::Str(_)
            | Value::Bytes(_)
            | Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_) => true,
            Value::Generator(g) => g.kind == crate::vm::objects::GenKind::Generator,
            _ => {
                let class = self.type_of(v);
                class.lookup("__iter__").is_some() || class.lookup("__getitem__").is_some()
            }
        }
    }

    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = match v {
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => IterState::Seq {
                seq: v.clone(),
                index: 0,
            },
            Value::Range(r) => IterState::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Dict(d) => IterState::Dict {
                dict: d.clone(),
                index: 0,
                kind: DictIterKind::Keys,
                len: d.len(),
            },
            Value::Set(s) | Value::FrozenSet(s) => {
                let items: Vec<Value> = s.items.borrow().iter().map(|k| k.value.clone()).collect();
                IterState::Items(items.into_iter())
            }
            Value::Iter(_) => return Ok(v.clone()),
            Value::Generator(g) if g.kind == crate::vm::objects::GenKind::Generator => {
                return Ok(v.clone())
            }
            _ => {
                if let Some(it) = self.call_dunder(v, "__iter__", vec![])? {
                    let class = self.type_of(&it);
                    if class.lookup("__next__").is_none()
                        && !matches!(it, Value::Iter(_) | Value::Generator(_))
                    {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            class.name
                        )));
                    }
                    return Ok(it);
                }
                if self.type_of(v).lookup("__getitem__").is_some() {
                    return Ok(Value::Iter(Rc::new(IterObj {
                        state: RefCell::new(IterState::Seq {
                            seq: v.clone(),
                            index: 0,
                        }),
                    })));
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
        };
        Ok(Value::Iter(Rc::new(IterObj {
            state: RefCell::new(state),
        })))
    }

    /// The next item, or `None` when the iterator is exhausted.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(obj) => self.builtin_iter_next(obj),
            Value::Generator(g) => {
                let g = g.clone();
                match self.resume_generator(&g, crate::vm::generators::Resume::Send(Value::None))? {
                    crate::vm::generators::GenResult::Yield(v)
                    | crate::vm::generators::GenResult::AsyncYield(v) => Ok(Some(v)),
                    crate::vm::generators::GenResult::Return(_) => Ok(None),
                }
            }
            _ => {
                let class = self.type_of(it);
                let Some(next) = class.lookup("__next__") else {
                    return Err(
                        self.type_error(format!("'{}' object is not an iterator", class.name))
                    );
                };
                match self.call1(&next, it.clone()) {
                    Ok(v) => Ok(Some(v)),
                    Err(PyErr::Raise(e)) if self.is_exc_kind(&e, ExcKind::StopIteration) => {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn builtin_iter_next(&mut self, obj: &Rc<IterObj>) -> PyResult<Option<Value>> {
        let mut state = obj.state.borrow_mut();
        match &mut *state {
            IterState::Seq { seq, index } => {
                let i = *index;
                let item = match seq {
                    Value::List(l) => l.borrow().get(i).cloned(),
                    Value::Tuple(t) => t.get(i).cloned(),
                    Value::Str(s) => {
                        if s.is_ascii() {
                            s.as_str().get(i..i + 1).map(Value::str)
                        } else {
                            s.char_at(i).map(|c| Value::string(c.to_string()))
                        }
                    }
                    Value::Bytes(b) => b.get(i).map(|&x| Value::Int(x as i64)),
                    other => {
                        let other = other.clone();
                        drop(state);
                        return match self.getitem(&other, &Value::Int(i as i64)) {
                            Ok(v) => {
                                if let IterState::Seq { index, .. } = &mut *obj.state.borrow_mut() {
                                    *index += 1;
                                }
                                Ok(Some(v))
                            }
                            Err(PyErr::Raise(e))
                                if self.is_exc_kind(&e, ExcKind::IndexError)
                                    || self.is_exc_kind(&e, ExcKind::StopIteration) =>
                            {
                                *obj.state.borrow_mut() = IterState::Exhausted;
                                Ok(None)
                            }
                            Err(e) => Err(e),
                        };
                    }
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        *state = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            IterState::Range { next, stop, step } => {
                let v = *next;
                if (*step > 0 && v < *stop) || (*step < 0 && v > *stop) {
                    *next = v.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Dict {
                dict,
                index,
                kind,
                len,
            } => {
                let dict = dict.clone();
                if dict.len() != *len {
                    *len = usize::MAX;
                    drop(state);
                    return Err(self.new_error(
                        ExcKind::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                let map = dict.map.borrow();
                match map.get_index(*index) {
                    Some((k, v)) => {
                        *index += 1;
                        Ok(Some(match kind {
                            DictIterKind::Keys => k.value.clone(),
                            DictIterKind::Values => v.clone(),
                            DictIterKind::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Items(items) => Ok(items.next()),
            IterState::Enumerate { inner, count } => {
                let inner = inner.clone();
                let n = count.clone();
                drop(state);
                match self.iter_next(&inner)? {
                    Some(v) => {
                        let next = self.binary_op(&n, &Value::Int(1), crate::ast::BinOp::Add)?;
                        if let IterState::Enumerate { count, .. } = &mut *obj.state.borrow_mut() {
                            *count = next;
                        }
                        Ok(Some(Value::tuple(vec![n, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { iters, strict } => {
                let iters = iters.clone();
                let strict = *strict;
                drop(state);
                let mut items = Vec::with_capacity(iters.len());
                for (i, it) in iters.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && (i > 0 || iters.iter().skip(1).any(|_| true)) {
                                if i > 0 {
                                    let plural = if i == 1 { " " } else { "s 1-" };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than argument{plural}{i}",
                                        i + 1
                                    )));
                                }
                                for (j, other) in iters.iter().enumerate().skip(1) {
                                    if self.iter_next(other)?.is_some() {
                                        let plural = if j == 1 { " " } else { "s 1-" };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than argument{plural}{j}",
                                            j + 1
                                        )));
                                    }
                                }
                            }
                            *obj.state.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(Value::tuple(items)))
            }
            IterState::Map { func, iters } => {
                let (func, iters) = (func.clone(), iters.clone());
                drop(state);
                let mut args = Vec::with_capacity(iters.len());
                for it in &iters {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, args, &[]).map(Some)
            }
            IterState::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(state);
                while let Some(v) = self.iter_next(&inner)? {
                    let keep = if func.is_none() {
                        self.is_true(&v)?
                    } else {
                        let r = self.call1(&func, v.clone())?;
                        self.is_true(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(state);
                let v = self.call0(&func)?;
                if self.eq(&v, &sentinel)? {
                    *obj.state.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            IterState::Exhausted => Ok(None),
        }
    }

    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.borrow().clone()),
            Value::Tuple(t) => Ok(t.to_vec()),
            _ => {
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// `a, b = seq` with CPython's messages.
    pub fn unpack(&mut self, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match seq {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !self.has_iter(seq) {
                    return Err(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(seq)
                    )));
                }
                let it = self.get_iter(seq)?;
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    /// `a, *b, c = seq`: returns the items with the starred part as a list.
    pub fn unpack_ex(&mut self, seq: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
        if !self.has_iter(seq) {
            return Err(self.type_error(format!(
                "cannot unpack non-iterable {} object",
                self.type_name(seq)
            )));
        }
        let items = self.collect_iterable(seq)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = items[..before].to_vec();
        out.push(Value::list(items[before..items.len() - after].to_vec()));
        out.extend_from_slice(&items[items.len() - after..]);
        Ok(out)
    }

    pub fn call_kw(&mut self, f: &Value, args: Vec<Value>, kwargs: &KwArgs) -> PyResult<Value> {
        self.call(f, args, kwargs)
    }
}

/// Whether equality of this key may run Python code (`__eq__` of a class).
fn has_python_eq(v: &Value) -> bool {
    match v {
        Value::Instance(i) => matches!(i.class.lookup("__eq__"), Some(Value::Function(_))),
        Value::Tuple(items) => items.iter().any(has_python_eq),
        _ => false,
    }
}

/// Stored keys that may equal `key` by a Python `__eq__`: same hash.
fn same_hash<'a>(keys: impl Iterator<Item = &'a HashKey>, key: &HashKey) -> Vec<(usize, Value)> {
    if !has_python_eq(&key.value) {
        return Vec::new();
    }
    keys.enumerate()
        .filter(|(_, k)| k.hash == key.hash)
        .map(|(i, k)| (i, k.value.clone()))
        .collect()
}

/// `__slots__`: when every class in the MRO declares slots (and none
/// declares `__dict__`), only the named attributes may be set.
fn slots_allow(class: &TypeObj, name: &str) -> bool {
    let mut allowed = Vec::new();
    let mut declared = false;
    for t in std::iter::once(class).chain(class.mro.iter().map(|t| &**t)) {
        if t.module == "builtins" {
            continue;
        }
        declared = true;
        match t.dict.borrow().get("__slots__") {
            None => return true,
            Some(Value::Str(s)) => allowed.push(s.as_str().to_owned()),
            Some(Value::Tuple(items)) => allowed.extend(items.iter().filter_map(|i| match i {
                Value::Str(s) => Some(s.as_str().to_owned()),
                _ => None,
            })),
            Some(Value::List(items)) => {
                allowed.extend(items.borrow().iter().filter_map(|i| match i {
                    Value::Str(s) => Some(s.as_str().to_owned()),
                    _ => None,
                }))
            }
            Some(_) => return true,
        }
    }
    !declared || allowed.iter().any(|a| a == name || a == "__dict__")
}
