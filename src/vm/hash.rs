//! Python hashing and the keys of dicts and sets.
//!
//! Numbers hash exactly as in CPython (so `1`, `1.0` and `True` are the same
//! key, and int sets iterate in CPython's order once the set table follows
//! it); strings use a fixed-key SipHash, so runs are reproducible.

use std::hash::{Hash, Hasher};

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::value::Value;

/// CPython's modulus for numeric hashes: 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;
const HASH_INF: i64 = 314159;

/// A dict or set key: the value with its precomputed Python hash.
#[derive(Clone)]
pub struct HashKey {
    pub hash: i64,
    pub value: Value,
}

impl HashKey {
    /// Builds a key for a value whose hash needs no Python code, or `None`
    /// (the VM then asks `__hash__`, or raises "unhashable type").
    pub fn new(value: Value) -> Option<HashKey> {
        let hash = builtin_hash(&value)?;
        Some(HashKey { hash, value })
    }

    pub fn from_str_value(value: Value) -> HashKey {
        let hash = match &value {
            Value::Str(s) => str_hash(s.as_str()),
            _ => builtin_hash(&value).unwrap_or(0),
        };
        HashKey { hash, value }
    }

    /// A key to look up a string without allocating a value twice.
    pub fn for_str(s: &str) -> HashKey {
        HashKey {
            hash: str_hash(s),
            value: Value::str(s),
        }
    }
}

/// Looks a string key up without building a `Value` for it.
pub struct StrLookup<'a> {
    hash: i64,
    text: &'a str,
}

impl<'a> StrLookup<'a> {
    pub fn new(text: &'a str) -> Self {
        StrLookup {
            hash: str_hash(text),
            text,
        }
    }
}

impl Hash for StrLookup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl indexmap::Equivalent<HashKey> for StrLookup<'_> {
    fn equivalent(&self, key: &HashKey) -> bool {
        matches!(&key.value, Value::Str(s) if s.as_str() == self.text)
    }
}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        self.hash == other.hash && keys_equal(&self.value, &other.value)
    }
}

impl Eq for HashKey {}

/// Equality for keys, without running Python code: numbers across types,
/// strings, bytes and tuples by value, everything else by identity.
pub fn keys_equal(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x.as_str() == y.as_str(),
        (Tuple(x), Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| keys_equal(p, q))
        }
        (Bytes(x), Bytes(y)) => x == y,
        (FrozenSet(x), FrozenSet(y)) => {
            let (x, y) = (x.items.borrow(), y.items.borrow());
            x.len() == y.len() && x.iter().all(|k| y.contains(k))
        }
        _ => match (numeric(a), numeric(b)) {
            (Some(x), Some(y)) => x == y,
            _ => a.is(b),
        },
    }
}

/// A number as something comparable across int, bool, float and big ints.
#[derive(PartialEq)]
enum Num {
    Int(i128),
    Float(f64),
    Big(BigInt),
}

fn numeric(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Bool(b) => Num::Int(*b as i128),
        Value::Int(i) => Num::Int(*i as i128),
        Value::BigInt(b) => Num::Big((**b).clone()),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e30 {
                Num::Int(*f as i128)
            } else {
                Num::Float(*f)
            }
        }
        _ => return None,
    })
}

/// The hash of values whose hash is built in, or `None`.
pub fn builtin_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::None => 0xFCA86 >> 4,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => int_hash(*i),
        Value::BigInt(b) => bigint_hash(b),
        Value::Float(f) => float_hash(*f),
        Value::Str(s) => str_hash(s.as_str()),
        Value::Bytes(b) => bytes_hash(b),
        Value::Tuple(items) => {
            let mut hashes = Vec::with_capacity(items.len());
            for item in items.iter() {
                hashes.push(builtin_hash(item)?);
            }
            tuple_hash(&hashes)
        }
        Value::FrozenSet(set) => {
            let hashes: Vec<i64> = set.items.borrow().iter().map(|k| k.hash).collect();
            frozenset_hash(&hashes)
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => return None,
        Value::Instance(_) => return None,
        other => identity_hash(other.address()),
    })
}

/// `object.__hash__`: derived from the (deterministic) address.
pub fn identity_hash(address: usize) -> i64 {
    (address >> 4) as i64
}

pub fn int_hash(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn bigint_hash(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.magnitude() % m.magnitude()).to_i64().unwrap_or_default();
    let h = if b.sign() == Sign::Minus { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble`.
pub fn float_hash(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return int_hash(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while !m.is_zero() {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let mut h = x as i64;
    if f < 0.0 {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

pub fn str_hash(s: &str) -> i64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

fn bytes_hash(b: &[u8]) -> i64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    h.write(b);
    h.write_u8(0xff);
    h.finish() as i64
}

/// CPython 3.11's xxHash-based tuple hash.
pub fn tuple_hash(hashes: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// CPython's frozenset hash (order independent).
pub fn frozenset_hash(hashes: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for &h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= ((hashes.len() as u64).wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}
