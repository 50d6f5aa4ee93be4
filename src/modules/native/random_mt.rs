//! CPython 3.11's `random.Random`, bit for bit: the MT19937 core of `_random`,
//! its seeding rules, and the pure-Python methods of `random.py` (randrange,
//! choice, shuffle, sample, choices and the float distributions) in the same
//! order of calls to the generator, so a seeded program prints the same values.
//!
//! Sequences are handled by index: `choice_index`, `sample_indices` and
//! `choices_indices` return positions for the caller to look up, and `shuffle`
//! permutes any slice in place.

use std::collections::HashSet;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};
use sha2::{Digest, Sha512};

use super::{libm, mathfns};
use super::{ErrorKind, NativeError, NativeResult};

/// The seed of a generator that was never seeded. CPython seeds from the OS;
/// kairos must be deterministic, so `random.seed()` / `seed(None)` and a fresh
/// module use this fixed int seed (the ASCII bytes of "kairos").
pub const DEFAULT_SEED: u64 = 0x6b61_6972_6f73;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// One `random.Random` instance: Mersenne Twister state plus gauss()'s spare value.
#[derive(Clone)]
pub struct Random {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Default for Random {
    fn default() -> Self {
        Self::new()
    }
}

fn zero_division(message: &str) -> NativeError {
    NativeError::new(ErrorKind::ZeroDivisionError, message)
}

/// Python's `a / b` on floats.
fn py_div(a: f64, b: f64) -> NativeResult<f64> {
    if b == 0.0 {
        return Err(zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// Python's `x ** y` for a non-negative float base (all the distributions need).
fn py_pow_nonneg(x: f64, y: f64) -> NativeResult<f64> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    let r = libm::pow(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(NativeError::overflow(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(r)
}

/// Python's `x % y` on floats (the result takes the sign of y).
fn py_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// `math.log` of a float as random.py calls it (domain errors included).
fn log(x: f64) -> NativeResult<f64> {
    mathfns::log(mathfns::Real::Float(x), None)
}

/// `math.exp` as random.py calls it (overflow is OverflowError).
fn exp(x: f64) -> NativeResult<f64> {
    mathfns::UnaryFn::Exp.apply(x)
}

/// `bisect.bisect_right(a, x, lo, hi)`, step for step (matters for unsorted input).
fn bisect_right<T: PartialOrd<U>, U>(a: &[T], x: &U, lo: usize, hi: usize) -> usize {
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if a[mid] > *x {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

impl Random {
    /// A generator seeded with [`DEFAULT_SEED`].
    pub fn new() -> Self {
        let mut r = Random {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        r.seed_default();
        r
    }

    // ------------------------------------------------------------ seeding

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// `seed(a)` for an int (or bool): the absolute value, split into 32-bit words.
    pub fn seed_int(&mut self, a: &BigInt) {
        let mut key = a.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `seed()` / `seed(None)`: kairos's fixed [`DEFAULT_SEED`].
    pub fn seed_default(&mut self) {
        self.seed_int(&BigInt::from(DEFAULT_SEED));
    }

    /// `seed(a)` for str (pass its UTF-8 bytes), bytes or bytearray, version 2:
    /// the int whose big-endian bytes are `a + sha512(a).digest()`.
    pub fn seed_bytes(&mut self, a: &[u8]) {
        let mut material = a.to_vec();
        material.extend_from_slice(&Sha512::digest(a));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &material));
    }

    /// `seed(a)` for a float: seeds with `hash(a)` read as an unsigned 64-bit int.
    pub fn seed_float(&mut self, a: f64) {
        let hash = mathfns::float_hash(a) as u64;
        self.seed_int(&BigInt::from(hash));
    }

    // ------------------------------------------------------------ state

    /// `getstate()`'s parts: the state words, the position in them, gauss's spare.
    pub fn state(&self) -> (Vec<u32>, usize, Option<f64>) {
        (self.state.to_vec(), self.index, self.gauss_next)
    }

    /// `setstate()` from the 624 words plus the position (CPython's internal
    /// state tuple) and gauss's spare value.
    pub fn set_state(&mut self, internal: &[u64], gauss_next: Option<f64>) -> NativeResult<()> {
        if internal.len() != N + 1 {
            return Err(NativeError::value("state vector is the wrong size"));
        }
        let index = internal[N];
        if index > N as u64 {
            return Err(NativeError::value("invalid state"));
        }
        for (word, &value) in self.state.iter_mut().zip(internal) {
            *word = value as u32;
        }
        self.index = index as usize;
        self.gauss_next = gauss_next;
        Ok(())
    }

    // ------------------------------------------------------------ core generator

    fn generate(&mut self) {
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N {
            let y = (self.state[kk] & UPPER_MASK) | (self.state[(kk + 1) % N] & LOWER_MASK);
            self.state[kk] = self.state[(kk + M) % N] ^ (y >> 1) ^ mag01(y);
        }
        self.index = 0;
    }

    /// The next raw 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for k <= 64, as CPython assembles it from 32-bit words.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => u64::from(self.next_u32() >> (32 - k)),
            _ => {
                let low = u64::from(self.next_u32());
                let high = u64::from(self.next_u32() >> (64 - k.min(64)));
                low | (high << 32)
            }
        }
    }

    /// `getrandbits(k)` for any k: words from least to most significant, the
    /// last one cut down to the bits still wanted.
    pub fn getrandbits(&mut self, k: i64) -> NativeResult<BigInt> {
        if k < 0 {
            return Err(NativeError::value("number of bits must be non-negative"));
        }
        if k <= 64 {
            return Ok(BigInt::from(self.getrandbits_u64(k as u32)));
        }
        let mut remaining = k;
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        while remaining > 0 {
            let mut r = self.next_u32();
            if remaining < 32 {
                r >>= 32 - remaining;
            }
            words.push(r);
            remaining -= 32;
        }
        Ok(BigInt::from_biguint(
            Sign::Plus,
            BigUint::from_slice(&words),
        ))
    }

    /// `randbytes(n)`: `getrandbits(n * 8)` as n little-endian bytes.
    pub fn randbytes(&mut self, n: i64) -> NativeResult<Vec<u8>> {
        let bits = n
            .checked_mul(8)
            .ok_or_else(|| NativeError::overflow("Python int too large to convert to C int"))?;
        let value = self.getrandbits(bits)?;
        let mut bytes = value.magnitude().to_bytes_le();
        bytes.resize(n as usize, 0);
        Ok(bytes)
    }

    /// `_randbelow_with_getrandbits(n)` for n > 0: rejection sampling on
    /// `n.bit_length()` bits.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits() as i64;
        loop {
            let r = self.getrandbits(k).unwrap_or_default();
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randbelow` for lengths and positions.
    pub fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }

    // ------------------------------------------------------------ integers

    /// `randrange(start, stop=None, step=1)` on ints. `step` is None when the
    /// caller did not pass it; non-int arguments are the caller's to convert
    /// (CPython 3.11 accepts integral floats with a DeprecationWarning).
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: Option<&BigInt>,
    ) -> NativeResult<BigInt> {
        let Some(stop) = stop else {
            if step.is_some_and(|s| !s.is_one()) {
                return Err(NativeError::new(
                    ErrorKind::TypeError,
                    "Missing a non-None stop argument",
                ));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(NativeError::value("empty range for randrange()"));
        };
        let width = stop - start;
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(NativeError::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            Integer::div_floor(&(width + step - 1), step)
        } else if step.is_negative() {
            Integer::div_floor(&(width + step + 1), step)
        } else {
            return Err(NativeError::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(NativeError::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> NativeResult<BigInt> {
        self.randrange(a, Some(&(b + 1)), None)
    }

    // ------------------------------------------------------------ sequences

    /// `choice(seq)`: the index to pick from a sequence of `len` items.
    pub fn choice_index(&mut self, len: usize) -> NativeResult<usize> {
        if len == 0 {
            return Err(NativeError::new(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            ));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `shuffle(x)` in place (Fisher-Yates from the end, as random.py).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// `sample(population, k)` for a population of `n` items: the chosen indices
    /// in selection order. CPython keeps a pool list when `n` is small next to
    /// the set it would need, else a set of taken indices; the choice changes
    /// which random numbers are drawn, so it is reproduced exactly.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> NativeResult<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return Err(NativeError::value(
                "Sample larger than population or is negative",
            ));
        }
        let k = k as usize;
        let mut setsize: u128 = 21;
        if k > 5 {
            let exponent = (libm::log(k as f64 * 3.0) / libm::log(4.0)).ceil() as u32;
            setsize += 4u128.pow(exponent);
        }
        let mut result = Vec::with_capacity(k);
        if n as u128 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k, counts=counts)`: indices into the population,
    /// chosen by sampling `range(sum(counts))` and bisecting the running totals.
    pub fn sample_counts_indices(&mut self, counts: &[i64], k: i64) -> NativeResult<Vec<usize>> {
        let mut cum_counts: Vec<i128> = counts
            .iter()
            .scan(0i128, |acc, &c| {
                *acc += i128::from(c);
                Some(*acc)
            })
            .collect();
        let Some(total) = cum_counts.pop() else {
            return Err(NativeError::new(
                ErrorKind::IndexError,
                "pop from empty list",
            ));
        };
        if total <= 0 {
            return Err(NativeError::value(
                "Total of counts must be greater than zero",
            ));
        }
        let total = usize::try_from(total)
            .map_err(|_| NativeError::overflow("Python int too large to convert to C ssize_t"))?;
        let selections = self.sample_indices(total, k)?;
        Ok(selections
            .into_iter()
            .map(|s| bisect_right(&cum_counts, &(s as i128), 0, cum_counts.len()))
            .collect())
    }

    /// `choices(population, weights=None, *, cum_weights=None, k=1)` for a
    /// population of `n` items: the chosen indices. Weights arrive as floats;
    /// int weights beyond 2**53 would compare slightly differently in CPython.
    pub fn choices_indices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: i64,
    ) -> NativeResult<Vec<usize>> {
        let count = k.max(0) as usize;
        let cum_weights: Vec<f64> = match (weights, cum_weights) {
            (None, None) => {
                let n = n as f64;
                return Ok((0..count)
                    .map(|_| (self.random() * n).floor() as usize)
                    .collect());
            }
            (Some(_), Some(_)) => {
                return Err(NativeError::new(
                    ErrorKind::TypeError,
                    "Cannot specify both weights and cumulative weights",
                ))
            }
            (Some(w), None) => w
                .iter()
                .scan(0.0f64, |acc, &x| {
                    *acc += x;
                    Some(*acc)
                })
                .collect(),
            (None, Some(c)) => c.to_vec(),
        };
        if cum_weights.len() != n {
            return Err(NativeError::value(
                "The number of weights does not match the population",
            ));
        }
        let Some(&total) = cum_weights.last() else {
            return Err(NativeError::new(
                ErrorKind::IndexError,
                "list index out of range",
            ));
        };
        if total <= 0.0 {
            return Err(NativeError::value(
                "Total of weights must be greater than zero",
            ));
        }
        if !total.is_finite() {
            return Err(NativeError::value("Total of weights must be finite"));
        }
        let hi = n - 1;
        Ok((0..count)
            .map(|_| {
                let x = self.random() * total;
                bisect_right(&cum_weights, &x, 0, hi)
            })
            .collect())
    }

    // ------------------------------------------------------------ distributions

    /// `uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low=0.0, high=1.0, mode=None)`. When `mode` is given and
    /// `high == low`, CPython returns the `low` object itself (an int stays an
    /// int); callers that keep ints should special-case that.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            Some(mode) => match py_div(mode - low, high - low) {
                Ok(c) => c,
                Err(_) => return low,
            },
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `normalvariate(mu=0.0, sigma=1.0)` (Kinderman-Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> NativeResult<f64> {
        let nv_magicconst = 4.0 * libm::exp(-0.5) / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -log(u2)? {
                return Ok(mu + z * sigma);
            }
        }
    }

    /// `gauss(mu=0.0, sigma=1.0)`: Box-Muller, keeping the second value for the
    /// next call (reset by seeding).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> NativeResult<f64> {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * mathfns::TAU;
                let g2rad = (-2.0 * log(1.0 - self.random())?).sqrt();
                self.gauss_next = Some(libm::sin(x2pi) * g2rad);
                libm::cos(x2pi) * g2rad
            }
        };
        Ok(mu + z * sigma)
    }

    /// `lognormvariate(mu, sigma)`.
    pub fn lognormvariate(&mut self, mu: f64, sigma: f64) -> NativeResult<f64> {
        let z = self.normalvariate(mu, sigma)?;
        exp(z)
    }

    /// `expovariate(lambd)` (required argument in 3.11).
    pub fn expovariate(&mut self, lambd: f64) -> NativeResult<f64> {
        let l = log(1.0 - self.random())?;
        py_div(-l, lambd)
    }

    /// `vonmisesvariate(mu, kappa)`. A NaN kappa makes CPython loop forever;
    /// kairos raises ValueError instead.
    pub fn vonmisesvariate(&mut self, mu: f64, kappa: f64) -> NativeResult<f64> {
        if kappa.is_nan() {
            return Err(NativeError::value("vonmisesvariate: kappa is NaN"));
        }
        if kappa <= 1e-6 {
            return Ok(mathfns::TAU * self.random());
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = self.random();
            let z = libm::cos(mathfns::PI * u1);
            let d = z / (r + z);
            let u2 = self.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d)? {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = self.random();
        let angle = mathfns::UnaryFn::Acos.apply(f)?;
        Ok(if u3 > 0.5 {
            py_mod(mu + angle, mathfns::TAU)
        } else {
            py_mod(mu - angle, mathfns::TAU)
        })
    }

    /// `gammavariate(alpha, beta)`. A NaN alpha makes CPython loop forever;
    /// kairos raises ValueError instead.
    pub fn gammavariate(&mut self, alpha: f64, beta: f64) -> NativeResult<f64> {
        if alpha <= 0.0 || beta <= 0.0 || alpha.is_nan() {
            return Err(NativeError::value(
                "gammavariate: alpha and beta must be > 0.0",
            ));
        }
        if alpha > 1.0 {
            let log4 = libm::log(4.0);
            let sg_magicconst = 1.0 + libm::log(4.5);
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - log4;
            let ccc = alpha + ainv;
            loop {
                let u1 = self.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - self.random();
                let v = log(u1 / (1.0 - u1))? / ainv;
                let x = alpha * exp(v)?;
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst - 4.5 * z >= 0.0 || r >= log(z)? {
                    return Ok(x * beta);
                }
            }
        }
        if alpha == 1.0 {
            return Ok(-log(1.0 - self.random())? * beta);
        }
        loop {
            let u = self.random();
            let b = (mathfns::E + alpha) / mathfns::E;
            let p = b * u;
            let x = if p <= 1.0 {
                py_pow_nonneg(p, 1.0 / alpha)?
            } else {
                -log((b - p) / alpha)?
            };
            let u1 = self.random();
            if p > 1.0 {
                if u1 <= py_pow_nonneg(x, alpha - 1.0)? {
                    return Ok(x * beta);
                }
            } else if u1 <= exp(-x)? {
                return Ok(x * beta);
            }
        }
    }

    /// `betavariate(alpha, beta)`.
    pub fn betavariate(&mut self, alpha: f64, beta: f64) -> NativeResult<f64> {
        let y = self.gammavariate(alpha, 1.0)?;
        if y != 0.0 {
            let other = self.gammavariate(beta, 1.0)?;
            return py_div(y, y + other);
        }
        Ok(0.0)
    }

    /// `paretovariate(alpha)`.
    pub fn paretovariate(&mut self, alpha: f64) -> NativeResult<f64> {
        let u = 1.0 - self.random();
        py_pow_nonneg(u, py_div(-1.0, alpha)?)
    }

    /// `weibullvariate(alpha, beta)`.
    pub fn weibullvariate(&mut self, alpha: f64, beta: f64) -> NativeResult<f64> {
        let u = 1.0 - self.random();
        Ok(alpha * py_pow_nonneg(-log(u)?, py_div(1.0, beta)?)?)
    }
}
