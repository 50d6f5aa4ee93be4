//! Exact decimal digits of an `f64`: shortest round-trip digits (as `repr`
//! uses), and digits correctly rounded half-to-even from the exact binary
//! value (as `'%.2f'` and `format(x, '.3e')` use), computed with big integers
//! so that `format(2.675, '.2f') == '2.67'` exactly as in CPython.

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::One;

/// `|x| == mantissa * 2**exp2` for a finite `x`.
pub(crate) fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    if exp_field == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exp_field - 1075)
    }
}

/// `round_half_even(mantissa * 2**exp2 * 10**exp10)`, exactly.
pub(crate) fn scaled_round(mantissa: u64, exp2: i32, exp10: i64) -> BigUint {
    let mut num = BigUint::from(mantissa);
    let mut den = BigUint::one();
    if exp2 >= 0 {
        num <<= exp2 as usize;
    } else {
        den <<= exp2.unsigned_abs() as usize;
    }
    let ten_pow = pow10(exp10.unsigned_abs());
    if exp10 >= 0 {
        num *= ten_pow;
    } else {
        den *= ten_pow;
    }
    let (quotient, remainder) = num.div_rem(&den);
    let twice = remainder << 1usize;
    if twice > den || (twice == den && quotient.is_odd()) {
        quotient + 1u32
    } else {
        quotient
    }
}

/// `10**n` as a big integer.
fn pow10(n: u64) -> BigUint {
    let mut result = BigUint::one();
    let mut base = BigUint::from(10u32);
    let mut n = n;
    while n > 0 {
        if n & 1 == 1 {
            result *= &base;
        }
        n >>= 1;
        if n > 0 {
            base = &base * &base;
        }
    }
    result
}

/// The digits of `round_half_even(|x| * 10**precision)`, zero-padded on the
/// left to at least `precision + 1` digits: the caller puts the decimal point
/// `precision` digits from the right. `x` must be finite.
pub(crate) fn fixed_digits(x: f64, precision: usize) -> String {
    let (mantissa, exp2) = decompose(x);
    let digits = scaled_round(mantissa, exp2, precision as i64).to_str_radix(10);
    let width = precision + 1;
    if digits.len() >= width {
        digits
    } else {
        let mut padded = "0".repeat(width - digits.len());
        padded.push_str(&digits);
        padded
    }
}

/// `count` significant digits of `|x|` (correctly rounded, trailing zeros
/// kept) and the decimal point position `decpt`: `|x| ≈ 0.DIGITS * 10**decpt`.
/// Zero gives `("00…0", 1)`. `x` must be finite and `count >= 1`.
pub(crate) fn significant_digits(x: f64, count: usize) -> (String, i32) {
    let (mantissa, exp2) = decompose(x);
    if mantissa == 0 {
        return ("0".repeat(count), 1);
    }
    let exponent = floor_log10(x.abs(), mantissa, exp2);
    let n = scaled_round(mantissa, exp2, count as i64 - 1 - exponent);
    if n == pow10(count as u64) {
        // Rounded up to the next power of ten.
        let mut digits = "1".to_string();
        digits.push_str(&"0".repeat(count - 1));
        return (digits, (exponent + 2) as i32);
    }
    (n.to_str_radix(10), (exponent + 1) as i32)
}

/// `floor(log10(value))` exactly, where `value == mantissa * 2**exp2 > 0`.
fn floor_log10(value: f64, mantissa: u64, exp2: i32) -> i64 {
    // The float estimate is off by at most one near powers of ten.
    let mut exponent = value.log10().floor() as i64;
    while compare_pow10(mantissa, exp2, exponent) == Ordering::Less {
        exponent -= 1;
    }
    while compare_pow10(mantissa, exp2, exponent + 1) != Ordering::Less {
        exponent += 1;
    }
    exponent
}

/// Compares `mantissa * 2**exp2` with `10**exponent`, exactly.
fn compare_pow10(mantissa: u64, exp2: i32, exponent: i64) -> Ordering {
    let mut left = BigUint::from(mantissa);
    let mut right = BigUint::one();
    if exp2 >= 0 {
        left <<= exp2 as usize;
    } else {
        right <<= exp2.unsigned_abs() as usize;
    }
    let ten_pow = pow10(exponent.unsigned_abs());
    if exponent >= 0 {
        right *= ten_pow;
    } else {
        left *= ten_pow;
    }
    left.cmp(&right)
}

/// The shortest digits that round-trip to `|x|` (no trailing zeros) and the
/// decimal point position, as `repr` uses: of the shortest candidates, the
/// one nearest the exact value, ties to even. `x` must be finite.
pub(crate) fn shortest_digits(x: f64) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    // Rust's `{:e}` prints shortest round-trip digits, e.g. `1.2345e-5`, but
    // may break an exact tie the other way; the correctly rounded digits of
    // that length win whenever they round-trip too.
    let text = format!("{:e}", x.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
    let rust_digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let rust_decpt = exponent.parse::<i32>().unwrap_or(0) + 1;
    let (digits, decpt) = if tie_impossible(x) {
        (rust_digits, rust_decpt)
    } else {
        let (digits, decpt) = significant_digits(x, rust_digits.len());
        if format!("0.{digits}e{decpt}").parse::<f64>() == Ok(x.abs()) {
            (digits, decpt)
        } else {
            (rust_digits, rust_decpt)
        }
    };
    let trimmed = digits.trim_end_matches('0');
    (
        if trimmed.is_empty() { "0" } else { trimmed }.to_string(),
        decpt,
    )
}

/// A tie between two shortest candidates needs an exact value with at most
/// 18 significant digits. `odd * 2**-k` has at least as many as `5**k`,
/// which passes 18 digits at k = 26; integers below 2**53 print exactly.
fn tie_impossible(x: f64) -> bool {
    let (mantissa, exp2) = decompose(x);
    let exp2 = exp2 + mantissa.trailing_zeros() as i32;
    exp2 < -25 || (exp2 >= 0 && x.abs() < 9_007_199_254_740_992.0)
}

/// Whether a digit string is all zeros (a value that rounded to zero).
pub(crate) fn all_zero(digits: &str) -> bool {
    digits.bytes().all(|b| b == b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow10_small() {
        assert_eq!(pow10(0), BigUint::one());
        assert_eq!(pow10(5), BigUint::from(100_000u32));
    }

    #[test]
    fn significant_rounds_half_even_on_exact_value() {
        assert_eq!(significant_digits(2.675, 3), ("267".to_string(), 1));
        assert_eq!(significant_digits(9.99, 2), ("10".to_string(), 2));
        assert_eq!(significant_digits(0.0, 3), ("000".to_string(), 1));
        assert_eq!(significant_digits(5e-324, 4), ("4941".to_string(), -323));
        let just_below = f64::from_bits(0x3e7a_d7f2_9abc_af48);
        assert_eq!(
            significant_digits(just_below, 17),
            ("99999999999999995".to_string(), -7)
        );
    }

    #[test]
    fn fixed_pads_with_zeros() {
        assert_eq!(fixed_digits(0.001, 2), "000");
        assert_eq!(fixed_digits(0.5, 0), "0");
        assert_eq!(fixed_digits(1.5, 0), "2");
    }

    #[test]
    fn shortest_matches_repr_digits() {
        assert_eq!(shortest_digits(0.1), ("1".to_string(), 0));
        assert_eq!(shortest_digits(1e16), ("1".to_string(), 17));
        assert_eq!(shortest_digits(123.456), ("123456".to_string(), 3));
    }
}
