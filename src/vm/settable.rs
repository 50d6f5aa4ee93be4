//! The storage of sets and frozensets: CPython 3.11's open-addressing set
//! table, reproduced so that sets iterate — and print — in CPython's order
//! (`{3, 1, 2}` prints `{1, 2, 3}`), including after growth and deletions.

use crate::vm::hash::HashKey;

/// Slots probed linearly before the perturbed jump (CPython's LINEAR_PROBES).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A deleted entry: lookups probe past it, insertions may reuse it.
    Dummy,
    Full(HashKey),
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Full plus dummy slots.
    fill: usize,
    /// Full slots.
    used: usize,
    /// Where `pop` resumes its search.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The keys in slot order: CPython's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &HashKey> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Full(k) => Some(k),
            _ => None,
        })
    }

    /// The slot holding `key`, if any.
    fn find(&self, key: &HashKey) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = key.hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Full(k) if k == key => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    pub fn contains(&self, key: &HashKey) -> bool {
        self.find(key).is_some()
    }

    /// Adds `key`; false when an equal key was already there.
    pub fn insert(&mut self, key: HashKey) -> bool {
        let mask = self.mask();
        let mut perturb = key.hash as u64 as usize;
        let mut i = perturb & mask;
        let mut free_slot = None;
        let empty = loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            let mut found = None;
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        found = Some(j);
                        break;
                    }
                    Slot::Full(k) if *k == key => return false,
                    Slot::Dummy if free_slot.is_none() => free_slot = Some(j),
                    _ => {}
                }
            }
            if let Some(j) = found {
                break j;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        };
        self.used += 1;
        if let Some(j) = free_slot {
            self.slots[j] = Slot::Full(key);
            return true;
        }
        self.fill += 1;
        self.slots[empty] = Slot::Full(key);
        if self.fill * 5 >= mask * 3 {
            let target = if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(target);
        }
        true
    }

    /// Removes `key`; false when it was not there.
    pub fn remove(&mut self, key: &HashKey) -> bool {
        match self.find(key) {
            Some(j) => {
                self.slots[j] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: the first key at or after the finger.
    pub fn pop(&mut self) -> Option<HashKey> {
        if self.used == 0 {
            return None;
        }
        let size = self.slots.len();
        let mut j = self.finger & self.mask();
        while !matches!(self.slots[j], Slot::Full(_)) {
            j = (j + 1) % size;
        }
        let Slot::Full(key) = std::mem::replace(&mut self.slots[j], Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.finger = j + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    /// Rebuilds the table with room for `min_used` keys, dropping dummies.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(k) = slot {
                self.insert_clean(k);
            }
        }
    }

    /// Places a key known to be absent, in a table without dummies.
    fn insert_clean(&mut self, key: HashKey) {
        let mask = self.mask();
        let mut perturb = key.hash as u64 as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if matches!(self.slots[j], Slot::Empty) {
                    self.slots[j] = Slot::Full(key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }

    /// `set_merge`: adds every key of `other`, as `s.update(other_set)`.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for k in other.iter() {
                self.insert_clean(k.clone());
            }
            return;
        }
        for k in other.iter() {
            self.insert(k.clone());
        }
    }

    /// Makes room before adding `extra` keys from a dict (CPython resizes
    /// once up front for dicts and sets).
    pub fn reserve_for(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    /// A copy, built the way CPython copies a set (so its layout matches).
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        t.merge(self);
        t
    }

    pub fn union(&self, other: &SetTable) -> SetTable {
        let mut t = self.copy();
        t.merge(other);
        t
    }

    pub fn intersection(&self, other: &SetTable) -> SetTable {
        let (small, large) = if other.len() > self.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut t = SetTable::new();
        for k in small.iter() {
            if large.contains(k) {
                t.insert(k.clone());
            }
        }
        t
    }

    pub fn difference(&self, other: &SetTable) -> SetTable {
        if (self.len() >> 2) > other.len() {
            let mut t = self.copy();
            for k in other.iter() {
                t.remove(k);
            }
            return t;
        }
        let mut t = SetTable::new();
        for k in self.iter() {
            if !other.contains(k) {
                t.insert(k.clone());
            }
        }
        t
    }

    pub fn symmetric_difference(&self, other: &SetTable) -> SetTable {
        let mut t = other.copy();
        for k in self.iter() {
            if !t.remove(k) {
                t.insert(k.clone());
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn table(items: &[i64]) -> SetTable {
        let mut t = SetTable::new();
        for &i in items {
            t.insert(HashKey::new(Value::Int(i)).expect("ints hash"));
        }
        t
    }

    fn order(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|k| match k.value {
                Value::Int(i) => i,
                _ => 0,
            })
            .collect()
    }

    #[test]
    fn small_ints_iterate_in_cpython_order() {
        // Checked with CPython 3.11: list({3, 1, 2}), list({9, 2, 3, 4}),
        // adding 100, 5, 37, 8 one by one, list(set(range(20, 0, -1))).
        assert_eq!(order(&table(&[3, 1, 2])), [1, 2, 3]);
        assert_eq!(order(&table(&[9, 2, 3, 4])), [9, 2, 3, 4]);
        assert_eq!(order(&table(&[100, 5, 37, 8])), [8, 37, 100, 5]);
        assert_eq!(
            order(&table(&(1..=20).rev().collect::<Vec<_>>())),
            (1..=20).collect::<Vec<_>>()
        );
    }

    #[test]
    fn removal_leaves_a_reusable_dummy() {
        let mut t = table(&[1, 2, 3]);
        assert!(t.remove(&HashKey::new(Value::Int(2)).expect("hash")));
        assert!(!t.contains(&HashKey::new(Value::Int(2)).expect("hash")));
        t.insert(HashKey::new(Value::Int(10)).expect("hash"));
        assert_eq!(order(&t), [1, 10, 3]);
    }
}
