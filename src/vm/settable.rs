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
        for j in probe(key.hash, self.mask()) {
            match &self.slots[j] {
                Slot::Empty => return None,
                Slot::Full(k) if k == key => return Some(j),
                _ => {}
            }
        }
        None
    }

    pub fn contains(&self, key: &HashKey) -> bool {
        self.find(key).is_some()
    }

    /// Adds `key`; false when an equal key was already there.
    pub fn insert(&mut self, key: HashKey) -> bool {
        let mask = self.mask();
        let mut free_slot = None;
        let mut empty = None;
        for j in probe(key.hash, mask) {
            match &self.slots[j] {
                Slot::Empty => {
                    empty = Some(j);
                    break;
                }
                Slot::Full(k) if *k == key => return false,
                Slot::Dummy if free_slot.is_none() => free_slot = Some(j),
                _ => {}
            }
        }
        self.used += 1;
        if let Some(j) = free_slot {
            self.slots[j] = Slot::Full(key);
            return true;
        }
        let Some(j) = empty else { return true };
        self.fill += 1;
        self.slots[j] = Slot::Full(key);
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
        let slot = probe(key.hash, self.mask()).find(|&j| matches!(self.slots[j], Slot::Empty));
        if let Some(j) = slot {
            self.slots[j] = Slot::Full(key);
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

/// CPython's probe sequence: up to LINEAR_PROBES neighbours, then a jump
/// mixing in more bits of the hash. It visits every slot eventually (the
/// table always has empty slots), so callers stop at an empty one.
fn probe(hash: i64, mask: usize) -> impl Iterator<Item = usize> {
    let mut perturb = hash as u64 as usize;
    let mut i = perturb & mask;
    let mut linear = 0;
    std::iter::from_fn(move || {
        let limit = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if linear > limit {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
            linear = 0;
        }
        let j = i + linear;
        linear += 1;
        Some(j)
    })
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

    #[test]
    fn growth_and_deletions_keep_cpython_order() {
        // Generated with CPython 3.11: random adds (x >= 0) and discards
        // (-x - 1) of ints, then list(s).
        let ops: &[i64] = &[
            121, 66, 309, -67, 465, 132, 98, 240, 281, 327, 118, 444, 199, 343, 81, -466, 15, 137,
            368, 198, 471, 372, 227, 68, -344, -310, 398, 154, 426, 179, 208, 462, 468, -399, 343,
            357, 493, 292, 365, 324, -99, 32, 327, 45, 34, -445, 393, -35, 193, 169, 472, -46,
            -133, 307, -394, 149, 79, 444, 184, 459, 192, 266, 443, -444, 138, 368, 479, -228, 280,
            403, 296, 192, -473, 321, 180, 180, 142, 11, 488, 493, 321, 303, 90, 160, 432, 153, 53,
            13, 350, 158, 334, 122, 347, -325, 164, 345, 224, -170, 379, 453, -82, 17, 97, 428, 93,
            174, -344, -293, 265, 138, 324, 214, 18, -460, 482, 318, 222, 474, 16, 428, 382, 147,
            -69, 439, -199, -463, -373, -440, -472, -16, 268, 27, -139, 129, 276, -185, -130, -266,
            471, 65, 3, 292, 25, -472, 266, 242, -28, -122, -18, 437, 263, -80, 179, 199, -297, -4,
            366, -175, 21, 309, 277, -367, 27, 254, 161, 355, -454, 138, 36, 114, -267, 191, 286,
            -119, 480, 339, 271, -264, 288, 415, 2, 120, 22, -282, 91, 174, -92, 344, 356, -54, 18,
            288, -383, -404, 31, 445, -150, -475, 358, -445, 203, 284, 42, 120, 211, -366, 387,
            473, -285, 459, -335, 469, 486, 368, -155, 75, 161, 435, 488, 343, 211, 299, 136, -325,
            411, 88, 122, 396, 214, 245, 105, 427, 334, 246, 37, 204, 451, 239, -438, 397, -162,
            123, -123, 318, -165, 86, -37, 373, -194, 18, 297, -215, 169, -397, 299, 250, 278,
            -412, -322, -328, 481, 347, 387, 339, 334, -481, 483, 344, -304, 260, -470, 289, 330,
            -243, 455, -345, 72, 330, 305, 153, 234, -28, 54, 386, 294, -175, -89, 21, -480, 263,
            170, 229, -290, 433, -55, -474, 465, 94, 290, 380,
        ];
        let expected: &[i64] = &[
            2, 11, 13, 16, 18, 21, 22, 25, 31, 32, 37, 42, 65, 72, 75, 86, 90, 93, 94, 97, 105,
            114, 120, 123, 136, 137, 138, 142, 147, 153, 158, 160, 169, 170, 179, 180, 191, 192,
            199, 203, 204, 208, 211, 222, 224, 229, 234, 239, 240, 245, 246, 250, 254, 260, 263,
            268, 271, 276, 277, 278, 280, 286, 288, 290, 292, 294, 297, 299, 305, 307, 309, 318,
            330, 334, 339, 343, 345, 347, 350, 355, 356, 357, 358, 368, 373, 379, 380, 386, 387,
            397, 415, 426, 427, 428, 432, 433, 435, 445, 451, 455, 459, 465, 468, 481, 482, 483,
            486, 488, 493,
        ];
        let mut t = SetTable::new();
        for &op in ops {
            if op >= 0 {
                t.insert(HashKey::new(Value::Int(op)).expect("hash"));
            } else {
                t.remove(&HashKey::new(Value::Int(-op - 1)).expect("hash"));
            }
        }
        assert_eq!(order(&t), expected);
    }
}
