//! CPython 3.11 `math` semantics that Rust's `f64` methods do not give directly:
//! exact error kinds and texts ("math domain error", "math range error"), big-int
//! functions, exact summation, CPython's own gamma/lgamma/hypot algorithms, and
//! int<->float conversions with Python's rounding. Functions that CPython takes
//! from the C library call the same C library here, so results match bit for bit.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::libm;
use super::{ErrorKind, NativeError, NativeResult};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

fn domain_error() -> NativeError {
    NativeError::value("math domain error")
}

fn range_error() -> NativeError {
    NativeError::overflow("math range error")
}

fn float_division_by_zero() -> NativeError {
    NativeError::new(ErrorKind::ZeroDivisionError, "float division by zero")
}

/// What a C function reported through `errno` (CPython's `is_error` input).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Errno {
    None,
    Domain,
    Range,
}

/// CPython's `is_error`: ERANGE with a small result is an underflow, not an error.
fn check_errno(r: f64, errno: Errno) -> NativeResult<f64> {
    match errno {
        Errno::None => Ok(r),
        Errno::Domain => Err(domain_error()),
        Errno::Range if r.abs() < 1.5 => Ok(r),
        Errno::Range => Err(range_error()),
    }
}

/// CPython's `math_1`: NaN from non-NaN is a domain error; infinity from a finite
/// argument is a range error when the function can overflow, else a domain error.
fn math_1(x: f64, f: impl Fn(f64) -> f64, can_overflow: bool) -> NativeResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(r)
}

/// CPython's `math_2` for functions of two floats.
fn math_2(x: f64, y: f64, f: fn(f64, f64) -> f64) -> NativeResult<f64> {
    let r = f(x, y);
    let errno = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Domain
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::None
    };
    check_errno(r, errno)
}

/// The one-argument float functions of `math`, each with CPython's error rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryFn {
    Acos,
    Acosh,
    Asin,
    Asinh,
    Atan,
    Atanh,
    Cbrt,
    Cos,
    Cosh,
    Erf,
    Erfc,
    Exp,
    Exp2,
    Expm1,
    Fabs,
    Gamma,
    Lgamma,
    Log1p,
    Sin,
    Sinh,
    Sqrt,
    Tan,
    Tanh,
}

impl UnaryFn {
    /// Every function with its Python name, in `dir(math)` order.
    pub const ALL: [(&'static str, UnaryFn); 23] = [
        ("acos", UnaryFn::Acos),
        ("acosh", UnaryFn::Acosh),
        ("asin", UnaryFn::Asin),
        ("asinh", UnaryFn::Asinh),
        ("atan", UnaryFn::Atan),
        ("atanh", UnaryFn::Atanh),
        ("cbrt", UnaryFn::Cbrt),
        ("cos", UnaryFn::Cos),
        ("cosh", UnaryFn::Cosh),
        ("erf", UnaryFn::Erf),
        ("erfc", UnaryFn::Erfc),
        ("exp", UnaryFn::Exp),
        ("exp2", UnaryFn::Exp2),
        ("expm1", UnaryFn::Expm1),
        ("fabs", UnaryFn::Fabs),
        ("gamma", UnaryFn::Gamma),
        ("lgamma", UnaryFn::Lgamma),
        ("log1p", UnaryFn::Log1p),
        ("sin", UnaryFn::Sin),
        ("sinh", UnaryFn::Sinh),
        ("sqrt", UnaryFn::Sqrt),
        ("tan", UnaryFn::Tan),
        ("tanh", UnaryFn::Tanh),
    ];

    pub fn by_name(name: &str) -> Option<UnaryFn> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }

    pub fn apply(self, x: f64) -> NativeResult<f64> {
        match self {
            UnaryFn::Acos => math_1(x, libm::acos, false),
            UnaryFn::Acosh => math_1(x, libm::acosh, false),
            UnaryFn::Asin => math_1(x, libm::asin, false),
            UnaryFn::Asinh => math_1(x, libm::asinh, false),
            UnaryFn::Atan => math_1(x, libm::atan, false),
            UnaryFn::Atanh => math_1(x, libm::atanh, false),
            UnaryFn::Cbrt => math_1(x, libm::cbrt, false),
            UnaryFn::Cos => math_1(x, libm::cos, false),
            UnaryFn::Cosh => math_1(x, libm::cosh, true),
            UnaryFn::Erf => Ok(libm::erf(x)),
            UnaryFn::Erfc => Ok(libm::erfc(x)),
            UnaryFn::Exp => math_1(x, libm::exp, true),
            UnaryFn::Exp2 => math_1(x, libm::exp2, true),
            UnaryFn::Expm1 => math_1(x, libm::expm1, true),
            UnaryFn::Fabs => math_1(x, f64::abs, false),
            UnaryFn::Gamma => {
                let (r, errno) = tgamma(x);
                check_errno(r, errno)
            }
            UnaryFn::Lgamma => {
                let (r, errno) = lgamma(x);
                check_errno(r, errno)
            }
            UnaryFn::Log1p => math_1(x, libm::log1p, false),
            UnaryFn::Sin => math_1(x, libm::sin, false),
            UnaryFn::Sinh => math_1(x, libm::sinh, true),
            UnaryFn::Sqrt => math_1(x, f64::sqrt, false),
            UnaryFn::Tan => math_1(x, libm::tan, false),
            UnaryFn::Tanh => math_1(x, libm::tanh, false),
        }
    }
}

// ---------------------------------------------------------------- gamma, lgamma

/// Lanczos g = 6.024680040776729583740234375 (exact in binary), and g - 0.5.
const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
/// Numerator coefficients of the Lanczos sum as a rational function (N=13).
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// Denominator x*(x+1)*...*(x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// gamma(n) = (n-1)! for n in 1..=23, each correctly rounded.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOG_PI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi*x), accurate near integers (for the reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

/// CPython's own gamma (Lanczos, N=13), with the errno it would set.
fn tgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::None);
        }
        return (f64::NAN, Errno::Domain);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Domain);
        }
        if x <= 23.0 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        let errno = if r.is_infinite() {
            Errno::Range
        } else {
            Errno::None
        };
        return (r, errno);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::None);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // Error of the rounded sum y, used as a first-order correction below.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    let errno = if r.is_infinite() {
        Errno::Range
    } else {
        Errno::None
    };
    (r, errno)
}

/// CPython's own lgamma (Lanczos), with the errno it would set.
fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::None);
        }
        return (f64::INFINITY, Errno::None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Domain);
        }
        return (0.0, Errno::None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-libm::log(absx), Errno::None);
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOG_PI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    let errno = if r.is_infinite() {
        Errno::Range
    } else {
        Errno::None
    };
    (r, errno)
}

// ---------------------------------------------------------------- two floats

/// `math.atan2(y, x)` with CPython's explicit special cases.
pub fn atan2(y: f64, x: f64) -> NativeResult<f64> {
    fn m_atan2(y: f64, x: f64) -> f64 {
        if x.is_nan() || y.is_nan() {
            return f64::NAN;
        }
        if y.is_infinite() {
            if x.is_infinite() {
                let quarter = if x.is_sign_positive() { 0.25 } else { 0.75 };
                return (quarter * PI).copysign(y);
            }
            return (0.5 * PI).copysign(y);
        }
        if x.is_infinite() || y == 0.0 {
            return if x.is_sign_positive() {
                0.0f64.copysign(y)
            } else {
                PI.copysign(y)
            };
        }
        libm::atan2(y, x)
    }
    math_2(y, x, m_atan2)
}

pub fn copysign(x: f64, y: f64) -> NativeResult<f64> {
    math_2(x, y, f64::copysign)
}

/// `math.remainder`: IEEE remainder, ties to the even multiple, always exact.
pub fn remainder(x: f64, y: f64) -> NativeResult<f64> {
    fn m_remainder(x: f64, y: f64) -> f64 {
        if x.is_finite() && y.is_finite() {
            if y == 0.0 {
                return f64::NAN;
            }
            let absx = x.abs();
            let absy = y.abs();
            let m = absx % absy;
            let c = absy - m;
            let r = if m < c {
                m
            } else if m > c {
                -c
            } else {
                m - 2.0 * ((0.5 * (absx - m)) % absy)
            };
            return 1.0f64.copysign(x) * r;
        }
        if x.is_nan() {
            return x;
        }
        if y.is_nan() {
            return y;
        }
        if x.is_infinite() {
            return f64::NAN;
        }
        x
    }
    math_2(x, y, m_remainder)
}

/// `math.fmod`: C fmod; fmod(finite, inf) is x.
pub fn fmod(x: f64, y: f64) -> NativeResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(r)
}

/// `math.pow` (not the `**` operator): IEEE specials, then C pow with CPython's
/// mapping of NaN/infinite results to domain and range errors.
pub fn pow(x: f64, y: f64) -> NativeResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            domain_error()
        } else {
            range_error()
        });
    }
    Ok(r)
}

/// `math.nextafter(x, y)`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x < y {
        x.next_up()
    } else {
        x.next_down()
    }
}

/// `math.ulp(x)`: the value of the least significant bit of x.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = x.next_up();
    if up.is_infinite() {
        return x - x.next_down();
    }
    up - x
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)`.
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> NativeResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(NativeError::value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1; specials give e=0.
pub fn frexp(x: f64) -> (f64, i32) {
    if x.is_nan() || x.is_infinite() || x == 0.0 {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (mantissa, raw_exp - 1022 + bias)
}

/// `math.ldexp(x, i)` for any int exponent.
pub fn ldexp(x: f64, i: &BigInt) -> NativeResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let exp = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    if exp > i64::from(i32::MAX) {
        return Err(range_error());
    }
    if exp < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    let r = scale_by_power_of_two(x, exp as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(r)
}

/// x * 2**n with a single rounding (C's scalbn), also into the subnormal range.
fn scale_by_power_of_two(x: f64, n: i32) -> f64 {
    let pow2 = |e: i32| f64::from_bits(((e + 1023) as u64) << 52);
    let mut y = x;
    let mut n = n;
    if n > 1023 {
        y *= pow2(1023);
        n -= 1023;
        if n > 1023 {
            y *= pow2(1023);
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Scale down in steps that stay normal, so only the last step rounds.
        y *= pow2(-1022) * pow2(53);
        n += 1022 - 53;
        if n < -1022 {
            y *= pow2(-1022) * pow2(53);
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * pow2(n)
}

/// `math.modf(x)`: (fractional, integral), both with the sign of x.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int_part = x.trunc();
    ((x - int_part).copysign(x), int_part)
}

// ---------------------------------------------------------------- hypot, dist, fsum

/// CPython's `vector_norm`: scaled, compensated sum of squares with a final
/// square-root correction (almost always correctly rounded).
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0; // 2**27 + 1, the Veltkamp-Dekker splitter
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    if max_e >= -1023 {
        let scale = scale_by_power_of_two(1.0, -max_e);
        let (mut frac2, mut frac3) = (0.0f64, 0.0f64);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;

            let x = hi * hi;
            let oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;

            let x = 2.0 * hi * lo;
            let oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;

            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();

        let t = h * T27;
        let hi = t - (t - h);
        let lo = h - hi;

        let x = -hi * hi;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;

        let x = -2.0 * hi * lo;
        let oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;

        let x = -lo * lo;
        let oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;

        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal max: scaling by 2**-max_e would overflow, so divide by max.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

fn norm_of(values: impl Iterator<Item = f64>) -> f64 {
    let mut coords = Vec::new();
    let mut max = 0.0f64;
    let mut found_nan = false;
    for v in values {
        let x = v.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    vector_norm(&coords, max, found_nan)
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    norm_of(coords.iter().copied())
}

/// `math.dist(p, q)`.
pub fn dist(p: &[f64], q: &[f64]) -> NativeResult<f64> {
    if p.len() != q.len() {
        return Err(NativeError::value(
            "both points must have the same number of dimensions",
        ));
    }
    Ok(norm_of(p.iter().zip(q).map(|(a, b)| a - b)))
}

/// `math.fsum(values)`: Shewchuk/Hettinger exact partials, correctly rounded.
pub fn fsum(values: &[f64]) -> NativeResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &item in values {
        let mut x = item;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if item.is_finite() {
                    return Err(NativeError::overflow("intermediate overflow in fsum"));
                }
                if item.is_infinite() {
                    inf_sum += item;
                }
                special_sum += item;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(NativeError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across several partials.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// ---------------------------------------------------------------- ints and floats

/// `float(n)` / `PyLong_AsDouble`: correctly rounded (half to even).
pub fn int_to_f64(n: &BigInt) -> NativeResult<f64> {
    let Some((mantissa, shift)) = round_to_53_bits(n.magnitude()) else {
        return Ok(0.0);
    };
    // The value is mantissa * 2**shift with mantissa < 2**53.
    if shift > 971 {
        return Err(NativeError::overflow("int too large to convert to float"));
    }
    let magnitude = mantissa as f64 * f64::from_bits(((shift + 1023) as u64) << 52);
    Ok(if n.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// Rounds a nonzero magnitude to 53 significant bits: (mantissa, shift) with
/// value ~= mantissa * 2**shift, mantissa < 2**53, ties to even.
fn round_to_53_bits(n: &BigUint) -> Option<(u64, i64)> {
    let bits = n.bits();
    if bits == 0 {
        return None;
    }
    if bits <= 53 {
        return n.to_u64().map(|m| (m, 0));
    }
    let shift = bits - 53;
    let kept: BigUint = n >> shift;
    let mut mantissa = kept.to_u64()?;
    let dropped: BigUint = n - (&kept << shift);
    let half = BigUint::one() << (shift - 1);
    if dropped > half || (dropped == half && mantissa & 1 == 1) {
        mantissa += 1;
    }
    let mut shift = shift as i64;
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        shift += 1;
    }
    Some((mantissa, shift))
}

/// `_PyLong_Frexp` for a positive int: (m, e) with n ~= m * 2**e, 0.5 <= m < 1.
fn int_frexp(n: &BigUint) -> (f64, i64) {
    match round_to_53_bits(n) {
        None => (0.0, 0),
        Some((mantissa, shift)) => {
            let (m, e) = frexp(mantissa as f64);
            (m, i64::from(e) + shift)
        }
    }
}

/// An int-or-float argument, for functions where CPython treats ints specially.
#[derive(Debug, Clone, Copy)]
pub enum Real<'a> {
    Int(&'a BigInt),
    Float(f64),
}

/// Which logarithm `loghelper` applies.
#[derive(Clone, Copy)]
enum LogBase {
    E,
    Two,
    Ten,
}

impl LogBase {
    /// CPython's m_log / m_log2 / m_log10: special values handled directly.
    fn apply(self, x: f64) -> f64 {
        if x.is_finite() && x > 0.0 {
            return match self {
                LogBase::E => libm::log(x),
                LogBase::Two => libm::log2(x),
                LogBase::Ten => libm::log10(x),
            };
        }
        if x.is_nan() || x == f64::INFINITY {
            return x;
        }
        if x == 0.0 {
            return f64::NEG_INFINITY;
        }
        f64::NAN
    }
}

/// CPython's `loghelper`: ints too large for a float still have a logarithm.
fn loghelper(arg: Real<'_>, base: LogBase) -> NativeResult<f64> {
    match arg {
        Real::Int(n) => {
            if n.sign() != Sign::Plus {
                return Err(domain_error());
            }
            match int_to_f64(n) {
                Ok(x) => Ok(base.apply(x)),
                Err(_) => {
                    let (m, e) = int_frexp(n.magnitude());
                    Ok(base.apply(m) + base.apply(2.0) * e as f64)
                }
            }
        }
        Real::Float(x) => math_1(x, |v| base.apply(v), false),
    }
}

/// `math.log(x[, base])`.
pub fn log(x: Real<'_>, base: Option<Real<'_>>) -> NativeResult<f64> {
    let num = loghelper(x, LogBase::E)?;
    let Some(base) = base else {
        return Ok(num);
    };
    let den = loghelper(base, LogBase::E)?;
    if den == 0.0 {
        return Err(float_division_by_zero());
    }
    Ok(num / den)
}

/// `math.log2(x)`: exact for powers of two.
pub fn log2(x: Real<'_>) -> NativeResult<f64> {
    loghelper(x, LogBase::Two)
}

/// `math.log10(x)`.
pub fn log10(x: Real<'_>) -> NativeResult<f64> {
    loghelper(x, LogBase::Ten)
}

/// `int(x)` of an integral-valued float, exactly; NaN and infinities fail as in CPython.
/// `math.floor/ceil/trunc(x)` are `float_to_int(x.floor())` and so on.
pub fn float_to_int(x: f64) -> NativeResult<BigInt> {
    if x.is_nan() {
        return Err(NativeError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NativeError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let x = x.trunc();
    if x.abs() < 9.0e15 {
        return Ok(BigInt::from(x as i64));
    }
    let (m, e) = frexp(x);
    // |x| = (m * 2**53) * 2**(e - 53), and e > 53 here.
    let mantissa = (m.abs() * 2f64.powi(53)) as u64;
    let magnitude = BigInt::from(mantissa) << (e - 53) as usize;
    Ok(if x < 0.0 { -magnitude } else { magnitude })
}

/// `math.floor(x)` of a float.
pub fn floor(x: f64) -> NativeResult<BigInt> {
    float_to_int(x.floor())
}

/// `math.ceil(x)` of a float.
pub fn ceil(x: f64) -> NativeResult<BigInt> {
    float_to_int(x.ceil())
}

/// `math.trunc(x)` of a float.
pub fn trunc(x: f64) -> NativeResult<BigInt> {
    float_to_int(x)
}

/// `hash(x)` of a float: CPython's reduction modulo 2**61 - 1. CPython hashes NaN
/// by object identity; kairos uses 0 (sys.hash_info.nan) to stay deterministic.
pub fn float_hash(x: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & MODULUS) | (acc >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let digit = m as u64;
        m -= digit as f64;
        acc += digit;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e as u32 % BITS
    } else {
        BITS - 1 - ((-1 - e) as u32 % BITS)
    };
    acc = ((acc << e) & MODULUS) | (acc >> (BITS - e));
    let h = acc as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---------------------------------------------------------------- integer functions

const LONG_MAX_TEXT: &str = "9223372036854775807";

/// Product of the integers in [lo, hi), by halving so big multiplies balance.
fn range_product(lo: &BigInt, hi: &BigInt) -> BigInt {
    let len = hi - lo;
    if len <= BigInt::from(16) {
        let mut acc = BigInt::one();
        let mut k = lo.clone();
        while &k < hi {
            acc *= &k;
            k += 1;
        }
        return acc;
    }
    let mid: BigInt = lo + (len >> 1);
    range_product(lo, &mid) * range_product(&mid, hi)
}

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> NativeResult<BigInt> {
    if n.is_negative() {
        return Err(NativeError::value(
            "factorial() not defined for negative values",
        ));
    }
    if n.to_i64().is_none() {
        return Err(NativeError::overflow(format!(
            "factorial() argument should not exceed {LONG_MAX_TEXT}"
        )));
    }
    Ok(range_product(&BigInt::one(), &(n + 1)))
}

fn check_non_negative(n: &BigInt, k: &BigInt) -> NativeResult<()> {
    if n.is_negative() {
        return Err(NativeError::value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(NativeError::value("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.perm(n, k)`; `perm(n)` (k=None) is `factorial(n)`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> NativeResult<BigInt> {
    let Some(k) = k else {
        return factorial(n);
    };
    check_non_negative(n, k)?;
    if n < k {
        return Ok(BigInt::zero());
    }
    if k.to_i64().is_none() {
        return Err(NativeError::overflow(format!(
            "k must not exceed {LONG_MAX_TEXT}"
        )));
    }
    Ok(range_product(&(n - k + 1), &(n + 1)))
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> NativeResult<BigInt> {
    check_non_negative(n, k)?;
    let rest = n - k;
    if rest.is_negative() {
        return Ok(BigInt::zero());
    }
    let k = if rest < *k { &rest } else { k };
    if n.to_i64().is_none() && k.to_i64().is_none() {
        return Err(NativeError::overflow(format!(
            "min(n - k, k) must not exceed {LONG_MAX_TEXT}"
        )));
    }
    let numerator = range_product(&(n - k + 1), &(n + 1));
    Ok(numerator / range_product(&BigInt::one(), &(k + 1)))
}

/// `math.gcd(*integers)`; no arguments give 0.
pub fn gcd(values: &[BigInt]) -> BigInt {
    values.iter().fold(BigInt::zero(), |acc, v| acc.gcd(v))
}

/// `math.lcm(*integers)`; no arguments give 1.
pub fn lcm(values: &[BigInt]) -> BigInt {
    match values {
        [] => BigInt::one(),
        [first, rest @ ..] => rest.iter().fold(first.abs(), |acc, v| {
            if acc.is_zero() || v.is_zero() {
                BigInt::zero()
            } else {
                (&acc / acc.gcd(v) * v).abs()
            }
        }),
    }
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> NativeResult<BigInt> {
    if n.is_negative() {
        return Err(NativeError::value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

/// An int or float, for `math.prod`.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(BigInt),
    Float(f64),
}

/// `math.prod(values, start=1)` over ints and floats: ints stay exact until a
/// float appears, as with Python's `*`. (Other types need the VM's own `*`.)
pub fn prod(values: &[Number], start: Number) -> NativeResult<Number> {
    values.iter().try_fold(start, |acc, v| {
        Ok(match (acc, v) {
            (Number::Int(a), Number::Int(b)) => Number::Int(a * b),
            (Number::Int(a), Number::Float(b)) => Number::Float(int_to_f64(&a)? * b),
            (Number::Float(a), Number::Int(b)) => Number::Float(a * int_to_f64(b)?),
            (Number::Float(a), Number::Float(b)) => Number::Float(a * b),
        })
    })
}
