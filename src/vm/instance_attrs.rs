//! `InstanceAttrs`: an instance's own attributes, with their names shared.
//!
//! Instances of a class mostly gain the same attributes in the same order
//! (`__init__` sets them), so the names live in a `Shape` shared by every
//! instance that gained the same names in the same order, and an instance
//! keeps only its values (the maps of PyPy and V8; CPython shares dict keys
//! for the same reason). A class's shapes form a tree: each shape knows
//! the shapes one more name leads to. An instance that deletes a name, or
//! grows past what sharing is for, gets a shape of its own from then on.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::Value;
use crate::vm::objects::attribute_key;

/// Past this many names an instance's shape is its own (CPython stops
/// sharing keys at 30 too).
const SHARED_KEYS_MAX: usize = 30;

/// Past this many different next names from one shape, instances that add
/// yet another one get a shape of their own (generated attribute names
/// would otherwise grow the tree without end).
const TRANSITIONS_MAX: usize = 16;

/// The names of an instance's attributes, in insertion order.
#[derive(Clone, Default)]
pub struct Shape {
    keys: Vec<Rc<str>>,
    /// The shapes adding one name leads to.
    transitions: RefCell<Vec<(Rc<str>, Rc<Shape>)>>,
    /// Belongs to one instance, which changes it in place.
    own: bool,
}

impl Shape {
    /// The shape after adding `name`, shared with every instance that
    /// took the same step; `None` when this one may not grow further.
    fn with(&self, name: &str) -> Option<Rc<Shape>> {
        let mut transitions = self.transitions.borrow_mut();
        if let Some((_, next)) = transitions.iter().find(|(key, _)| **key == *name) {
            return Some(next.clone());
        }
        if self.keys.len() >= SHARED_KEYS_MAX || transitions.len() >= TRANSITIONS_MAX {
            return None;
        }
        let key = attribute_key(name);
        let mut keys = Vec::with_capacity(self.keys.len() + 1);
        keys.extend(self.keys.iter().cloned());
        keys.push(key.clone());
        let next = Rc::new(Shape {
            keys,
            ..Shape::default()
        });
        transitions.push((key, next.clone()));
        Some(next)
    }
}

pub struct InstanceAttrs {
    /// In the order of `shape`'s names.
    values: Vec<Value>,
    shape: Rc<Shape>,
}

/// Keys are interned (`attribute_key`), so a hit is usually a pointer
/// comparison.
fn position(keys: &[Rc<str>], name: &str) -> Option<usize> {
    keys.iter().position(|key| {
        std::ptr::eq(key.as_ptr(), name.as_ptr()) && key.len() == name.len() || **key == *name
    })
}

impl InstanceAttrs {
    /// No attributes yet: `root` is the class's empty shape.
    pub fn new(root: &Rc<Shape>, capacity: usize) -> InstanceAttrs {
        InstanceAttrs {
            values: Vec::with_capacity(capacity),
            shape: root.clone(),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        position(&self.shape.keys, name).map(|i| &self.values[i])
    }

    /// Sets `name`, keeping its place if present; how many attributes
    /// there are now.
    pub fn insert(&mut self, name: &str, value: Value) -> usize {
        if let Some(i) = position(&self.shape.keys, name) {
            self.values[i] = value;
            return self.values.len();
        }
        let shared = (!self.shape.own).then(|| self.shape.with(name)).flatten();
        match shared {
            Some(next) => self.shape = next,
            None => self.own_keys().push(attribute_key(name)),
        }
        self.values.push(value);
        self.values.len()
    }

    /// Removes `name`, keeping the order of the others.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let i = position(&self.shape.keys, name)?;
        self.own_keys().remove(i);
        Some(self.values.remove(i))
    }

    /// The names, made this instance's own to change.
    fn own_keys(&mut self) -> &mut Vec<Rc<str>> {
        if !self.shape.own {
            self.shape = Rc::new(Shape {
                keys: self.shape.keys.clone(),
                own: true,
                ..Shape::default()
            });
        }
        // An own shape has no other owner: this never copies.
        &mut Rc::make_mut(&mut self.shape).keys
    }

    /// The attributes in insertion order (what `__dict__` shows).
    pub fn entries(&self) -> Vec<(Rc<str>, Value)> {
        let keys = self.shape.keys.iter().cloned();
        keys.zip(self.values.iter().cloned()).collect()
    }

    /// Room for `fields` values in all.
    pub fn reserve_total(&mut self, fields: usize) {
        let additional = fields.saturating_sub(self.values.len());
        self.values.reserve_exact(additional);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_names(root: &Rc<Shape>, names: &[&str]) -> InstanceAttrs {
        let mut attrs = InstanceAttrs::new(root, 0);
        for (i, name) in names.iter().enumerate() {
            attrs.insert(name, Value::Int(i as i64));
        }
        attrs
    }

    #[test]
    fn instances_with_the_same_names_in_the_same_order_share_a_shape() {
        let root = Rc::default();
        let a = with_names(&root, &["x", "y"]);
        let b = with_names(&root, &["x", "y"]);
        let c = with_names(&root, &["y", "x"]);
        assert!(Rc::ptr_eq(&a.shape, &b.shape));
        assert!(!Rc::ptr_eq(&a.shape, &c.shape));
        assert_eq!(c.entries()[0].0.as_ref(), "y");
        assert!(!a.shape.own && !c.shape.own);
    }

    #[test]
    fn deleting_a_name_makes_the_shape_the_instance_own() {
        let root = Rc::default();
        let mut a = with_names(&root, &["x", "y", "z"]);
        let b = with_names(&root, &["x", "y", "z"]);
        assert!(a.remove("y").is_some());
        assert!(a.shape.own);
        let names: Vec<String> = a.entries().iter().map(|(k, _)| k.to_string()).collect();
        assert_eq!(names, ["x", "z"]);
        // The sibling keeps the shared shape, unchanged.
        assert_eq!(b.entries().len(), 3);
        a.insert("w", Value::None);
        assert!(a.shape.transitions.borrow().is_empty());
    }

    #[test]
    fn many_names_stop_being_shared() {
        let root = Rc::default();
        let names: Vec<String> = (0..SHARED_KEYS_MAX + 5).map(|i| format!("a{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let attrs = with_names(&root, &refs);
        assert!(attrs.shape.own);
        assert_eq!(attrs.entries().len(), SHARED_KEYS_MAX + 5);
        assert!(matches!(attrs.get("a33"), Some(Value::Int(33))));
    }
}
