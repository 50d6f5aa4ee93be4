//! User classes: C3 method resolution order, `__build_class__`, and
//! instances (exceptions included).

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::exceptions::ExcKind;
use crate::vm::objects::{AttrMap, ExcData, Instance, Layout, TypeObj};
use crate::vm::{PyResult, Vm};

/// C3 linearisation of the bases (the class itself excluded), or `None`
/// when the bases admit no consistent order.
pub fn c3_mro(bases: &[Rc<TypeObj>]) -> Option<Vec<Rc<TypeObj>>> {
    let mut sequences: Vec<Vec<Rc<TypeObj>>> = bases
        .iter()
        .map(|b| {
            let mut seq = vec![b.clone()];
            seq.extend(b.mro.iter().cloned());
            seq
        })
        .collect();
    sequences.push(bases.to_vec());
    let mut result = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Some(result);
        }
        let head = sequences.iter().find_map(|s| {
            let candidate = &s[0];
            let in_tail = sequences
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, candidate)));
            (!in_tail).then(|| candidate.clone())
        })?;
        for s in sequences.iter_mut() {
            if Rc::ptr_eq(&s[0], &head) {
                s.remove(0);
            }
        }
        result.push(head);
    }
}

/// An exception instance of `class` with the given args (no `__init__` run).
pub fn new_exception(class: &Rc<TypeObj>, args: Vec<Value>) -> Value {
    let exc = Box::new(RefCell::new(ExcData {
        args,
        ..ExcData::default()
    }));
    Value::Instance(Rc::new(Instance::new(class, Some(exc))))
}

/// A fresh instance of a user class (`object.__new__`).
pub fn new_instance(class: &Rc<TypeObj>) -> Value {
    let exc =
        (class.layout == Layout::Exception).then(|| Box::new(RefCell::new(ExcData::default())));
    Value::Instance(Rc::new(Instance::new(class, exc)))
}

impl Vm {
    /// `type(name, bases, ns)` / the end of a class statement.
    pub fn make_class(
        &mut self,
        name: &str,
        qualname: &str,
        bases: Vec<Rc<TypeObj>>,
        namespace: AttrMap,
    ) -> PyResult<Rc<TypeObj>> {
        let bases = if bases.is_empty() {
            vec![self.types.object.clone()]
        } else {
            bases
        };
        for base in &bases {
            if base.layout == Layout::Builtin && !Rc::ptr_eq(base, &self.types.object) {
                return Err(self.type_error(format!(
                    "kairos does not support subclassing the built-in type '{}' yet",
                    base.name
                )));
            }
        }
        let mro = match c3_mro(&bases) {
            Some(m) => m,
            None => {
                let names: Vec<String> = bases.iter().map(|b| b.name.clone()).collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        };
        let layout = if mro.iter().any(|t| t.layout == Layout::Exception) {
            Layout::Exception
        } else {
            Layout::Object
        };
        let mut namespace = namespace;
        // Defining __eq__ without __hash__ makes instances unhashable.
        if namespace.contains_key("__eq__") && !namespace.contains_key("__hash__") {
            namespace.insert("__hash__".into(), Value::None);
        }
        let module = match namespace.get("__module__") {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => "__main__".to_owned(),
        };
        Ok(Rc::new(TypeObj::new(
            name.to_owned(),
            qualname.to_owned(),
            module,
            bases,
            mro,
            namespace,
            layout,
        )))
    }

    /// `isinstance(v, cls)` for a single class.
    pub fn is_instance(&self, v: &Value, cls: &Rc<TypeObj>) -> bool {
        self.type_of(v).is_subtype(cls)
    }

    pub fn is_exc_kind(&self, v: &Value, kind: ExcKind) -> bool {
        let t = self.exc_type(kind).clone();
        self.is_instance(v, &t)
    }

    /// The exception data of an exception instance.
    pub fn exc_data(v: &Value) -> Option<&RefCell<ExcData>> {
        match v {
            Value::Instance(i) => i.exc.as_deref(),
            _ => None,
        }
    }
}
