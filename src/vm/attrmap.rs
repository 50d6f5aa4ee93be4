//! `AttrMap`: the attribute namespaces of types and functions (instances
//! keep values only, named by shared shapes: `instance_attrs`).
//!
//! String keys in insertion order (as `__dict__` shows them). Most maps are
//! small (a function's few attributes), so they are a plain vector searched
//! in order: keys are shared `Rc<str>`s (`attribute_key`), so a hit is
//! usually a pointer comparison, and there is no hash table to store.
//! Past `INDEXED_FROM` entries (class namespaces with many methods) a hash
//! index keeps lookups constant-time.

use std::collections::HashMap;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::objects::FastHash;

/// The size from which a map keeps a hash index of its keys.
const INDEXED_FROM: usize = 16;

#[derive(Clone, Default)]
pub struct AttrMap {
    entries: Vec<(Rc<str>, Value)>,
    /// Boxed: every function carries this field, almost always `None`, and
    /// a pointer is a quarter of a table header.
    #[allow(clippy::box_collection)]
    index: Option<Box<HashMap<Rc<str>, usize, FastHash>>>,
}

impl AttrMap {
    fn position(&self, name: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(name).copied(),
            None => self.entries.iter().position(|(key, _)| {
                std::ptr::eq(key.as_ptr(), name.as_ptr()) && key.len() == name.len()
                    || **key == *name
            }),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.position(name).map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets `key`, keeping its place if present; the old value, if any.
    pub fn insert(&mut self, key: Rc<str>, value: Value) -> Option<Value> {
        if let Some(i) = self.position(&key) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.entries.len());
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() > INDEXED_FROM {
            self.rebuild_index();
        }
        None
    }

    /// Removes `name`, keeping the order of the others.
    pub fn shift_remove(&mut self, name: &str) -> Option<Value> {
        let i = self.position(name)?;
        let (_, value) = self.entries.remove(i);
        if self.index.is_some() {
            self.rebuild_index();
        }
        Some(value)
    }

    fn rebuild_index(&mut self) {
        let index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (key, _))| (key.clone(), i))
            .collect();
        self.index = Some(Box::new(index));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Rc<str>> {
        self.entries.iter().map(|(key, _)| key)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
