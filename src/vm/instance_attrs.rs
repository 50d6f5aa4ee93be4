//! `InstanceAttrs`: an instance's own attributes, named like its siblings'.
//!
//! Instances of a class mostly gain the same attributes in the same order
//! (`__init__` sets them), so, as CPython's key-sharing dicts do, the class
//! keeps the names once (`TypeObj::instance_keys`) and each instance only
//! its values, for a prefix of those names. An instance that strays (sets a
//! name out of that order, deletes one, or finds the class already at
//! `SHARED_KEYS_MAX` names) keeps its own list of names from then on.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::objects::attribute_key;

/// At most this many names are shared per class (CPython's limit too).
const SHARED_KEYS_MAX: usize = 30;

/// The names a class's instances share, in the order they were first set.
pub type SharedKeys = RefCell<Vec<Rc<str>>>;

#[derive(Default)]
pub struct InstanceAttrs {
    /// In the order of the names.
    values: Vec<Value>,
    /// `None` while the names are the first `values.len()` shared ones.
    #[allow(clippy::box_collection)]
    own_keys: Option<Box<Vec<Rc<str>>>>,
}

/// Keys are interned (`attribute_key`), so a hit is usually a pointer
/// comparison.
fn position(keys: &[Rc<str>], name: &str) -> Option<usize> {
    keys.iter().position(|key| {
        std::ptr::eq(key.as_ptr(), name.as_ptr()) && key.len() == name.len() || **key == *name
    })
}

impl InstanceAttrs {
    pub fn with_capacity(capacity: usize) -> InstanceAttrs {
        InstanceAttrs {
            values: Vec::with_capacity(capacity),
            own_keys: None,
        }
    }

    fn find(&self, shared: &SharedKeys, name: &str) -> Option<usize> {
        match &self.own_keys {
            Some(own) => position(own, name),
            None => position(&shared.borrow()[..self.values.len()], name),
        }
    }

    pub fn get(&self, shared: &SharedKeys, name: &str) -> Option<&Value> {
        self.find(shared, name).map(|i| &self.values[i])
    }

    /// Sets `name`, keeping its place if present.
    pub fn insert(&mut self, shared: &SharedKeys, name: &str, value: Value) {
        if let Some(i) = self.find(shared, name) {
            self.values[i] = value;
            return;
        }
        if self.own_keys.is_none() {
            let mut keys = shared.borrow_mut();
            let next = self.values.len();
            if next < keys.len() && *keys[next] == *name {
                self.values.push(value);
                return;
            }
            if next == keys.len() && next < SHARED_KEYS_MAX {
                keys.push(attribute_key(name));
                self.values.push(value);
                return;
            }
            drop(keys);
            self.own_keys(shared);
        }
        if let Some(own) = &mut self.own_keys {
            own.push(attribute_key(name));
            self.values.push(value);
        }
    }

    /// Removes `name`, keeping the order of the others.
    pub fn remove(&mut self, shared: &SharedKeys, name: &str) -> Option<Value> {
        let i = self.find(shared, name)?;
        self.own_keys(shared).remove(i);
        Some(self.values.remove(i))
    }

    /// Leaves the shared names for a copy of them, which can then differ.
    fn own_keys(&mut self, shared: &SharedKeys) -> &mut Vec<Rc<str>> {
        let len = self.values.len();
        self.own_keys
            .get_or_insert_with(|| Box::new(shared.borrow()[..len].to_vec()))
    }

    /// The attributes in insertion order (what `__dict__` shows).
    pub fn entries(&self, shared: &SharedKeys) -> Vec<(Rc<str>, Value)> {
        let shared = shared.borrow();
        let keys = self.own_keys.as_deref().unwrap_or(&shared);
        keys.iter()
            .cloned()
            .zip(self.values.iter().cloned())
            .collect()
    }

    /// Room for `fields` values in all.
    pub fn reserve_total(&mut self, fields: usize) {
        let additional = fields.saturating_sub(self.values.len());
        self.values.reserve_exact(additional);
    }
}
