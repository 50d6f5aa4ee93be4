//! Number conversions and float arithmetic with CPython's exact semantics:
//! int <-> float (correctly rounded), int true division, `round`, `%`, `//`
//! and `divmod` with Python's sign rules, `as_integer_ratio`, `bin/oct/hex`,
//! and `str(int)` with the 4300-digit limit.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::decimal::{decompose, scaled_round};
use super::error::{TextError, TextResult};

pub use super::parse_number::{parse_float, parse_int};

/// `sys.get_int_max_str_digits()` default: longer decimal conversions fail.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The ValueError of `str(n)` past the digit limit.
fn str_digits_error() -> TextError {
    TextError::value(format!(
        "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// `str(n)`, refusing more than 4300 digits as CPython 3.11 does.
pub fn int_to_decimal(n: &BigInt) -> TextResult<String> {
    // 10**4300 < 2**14286, so any wider number has too many digits.
    if n.bits() > 14_300 {
        return Err(str_digits_error());
    }
    let text = n.to_str_radix(10);
    let digits = text.len() - usize::from(n.is_negative());
    if digits > INT_MAX_STR_DIGITS {
        return Err(str_digits_error());
    }
    Ok(text)
}

/// `bin(n)`, `oct(n)`, `hex(n)` for radix 2, 8, 16 (other radixes get no
/// prefix): `-0b101`, `0o10`, `0xff`.
pub fn int_to_prefixed(n: &BigInt, radix: u32) -> String {
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if n.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{}", n.magnitude().to_str_radix(radix))
}

/// `2**exponent` as an f64, for exponents of representable powers.
fn pow2(exponent: i32) -> f64 {
    if exponent >= -1022 {
        f64::from_bits(((exponent + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (exponent + 1074))
    }
}

/// `num / den` correctly rounded (half to even) to an f64, subnormals
/// included; `None` when it overflows. `den` must not be zero.
fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    if num.is_zero() {
        return Some(0.0);
    }
    // Scale so the integer quotient has 55 or 56 bits: 53 kept plus
    // rounding bits; the remainder is the sticky bit.
    let shift = 55 - (num.bits() as i64 - den.bits() as i64);
    let (scaled_num, scaled_den) = if shift >= 0 {
        (num << shift as usize, den.clone())
    } else {
        (num.clone(), den << shift.unsigned_abs() as usize)
    };
    let (quotient, remainder) = scaled_num.div_rem(&scaled_den);
    let sticky = !remainder.is_zero();
    let quotient_bits = quotient.bits() as i64;
    // Binary exponent of the leading bit of the exact value.
    let top_exponent = quotient_bits - 1 - shift;
    if top_exponent > 1023 {
        return None;
    }
    let kept_bits = if top_exponent >= -1022 {
        53
    } else {
        53 - (-1022 - top_exponent)
    };
    let dropped = quotient_bits - kept_bits;
    let mut mantissa = (&quotient >> dropped as usize).to_u64().unwrap_or(0);
    let low = &quotient - (BigUint::from(mantissa) << dropped as usize);
    let half = BigUint::one() << (dropped - 1) as usize;
    if low > half || (low == half && (sticky || mantissa & 1 == 1)) {
        mantissa += 1;
    }
    // -1074 <= exponent <= 971, and the product is exact unless a rounding
    // carry at the very top overflows to infinity.
    let value = mantissa as f64 * pow2((dropped - shift) as i32);
    value.is_finite().then_some(value)
}

/// `float(n)`, correctly rounded.
pub fn int_to_f64(n: &BigInt) -> TextResult<f64> {
    if n.bits() <= 53 {
        return Ok(n.to_f64().unwrap_or(0.0));
    }
    let magnitude = ratio_to_f64(n.magnitude(), &BigUint::one())
        .ok_or_else(|| TextError::overflow("int too large to convert to float"))?;
    Ok(if n.is_negative() {
        -magnitude
    } else {
        magnitude
    })
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> TextResult<f64> {
    if b.is_zero() {
        return Err(TextError::zero_division("division by zero"));
    }
    let negative = a.is_negative() != b.is_negative();
    let magnitude = if a.bits() <= 53 && b.bits() <= 53 {
        a.magnitude().to_f64().unwrap_or(0.0) / b.magnitude().to_f64().unwrap_or(1.0)
    } else {
        ratio_to_f64(a.magnitude(), b.magnitude())
            .ok_or_else(|| TextError::overflow("integer division result too large for a float"))?
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// `int(x)` for a float: truncates toward zero.
pub fn float_to_int(x: f64) -> TextResult<BigInt> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let (mantissa, exp2) = decompose(x);
    let magnitude = if exp2 >= 0 {
        BigUint::from(mantissa) << exp2 as usize
    } else {
        BigUint::from(mantissa) >> exp2.unsigned_abs() as usize
    };
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// `x.as_integer_ratio()`: the exact value as a reduced fraction.
pub fn float_as_integer_ratio(x: f64) -> TextResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(TextError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(TextError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mut mantissa, mut exp2) = decompose(x);
    if mantissa == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    let shift = mantissa.trailing_zeros().min(exp2.unsigned_abs()) as i32;
    if exp2 < 0 {
        mantissa >>= shift;
        exp2 += shift;
    }
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    if exp2 >= 0 {
        let numerator = BigUint::from(mantissa) << exp2 as usize;
        Ok((BigInt::from_biguint(sign, numerator), BigInt::one()))
    } else {
        let denominator = BigUint::one() << exp2.unsigned_abs() as usize;
        Ok((
            BigInt::from_biguint(sign, mantissa.into()),
            BigInt::from(denominator),
        ))
    }
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `round(x)` without ndigits, before conversion to int: half to even.
pub fn round_half_even(x: f64) -> f64 {
    x.round_ties_even()
}

/// `round(x, ndigits)`: the decimal value correctly rounded half to even,
/// then converted back, as CPython's `double_round`.
pub fn float_round(x: f64, ndigits: i64) -> TextResult<f64> {
    // Past these, every double is already (or rounds to) itself / zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX || !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let (mantissa, exp2) = decompose(x);
    let digits = scaled_round(mantissa, exp2, ndigits);
    let rounded: f64 = format!("{digits}e{}", -ndigits)
        .parse()
        .unwrap_or(f64::INFINITY);
    if rounded.is_infinite() {
        return Err(TextError::overflow("rounded value too large to represent"));
    }
    Ok(if x < 0.0 { -rounded } else { rounded })
}

/// `x // y` and `x % y` for floats with Python's sign rules (the result of
/// `%` has the sign of `y`). The caller raises for `y == 0`.
pub fn py_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut modulo = x % y;
    let mut div = (x - modulo) / y;
    if modulo != 0.0 {
        if (y < 0.0) != (modulo < 0.0) {
            modulo += y;
            div -= 1.0;
        }
    } else {
        modulo = 0.0f64.copysign(y);
    }
    let floor_div = if div != 0.0 {
        let floored = div.floor();
        if div - floored > 0.5 {
            floored + 1.0
        } else {
            floored
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floor_div, modulo)
}

/// `x // y` for floats (`y != 0`).
pub fn py_floordiv(x: f64, y: f64) -> f64 {
    py_divmod(x, y).0
}

/// `x % y` for floats (`y != 0`).
pub fn py_fmod(x: f64, y: f64) -> f64 {
    let modulo = x % y;
    if modulo != 0.0 {
        if (y < 0.0) != (modulo < 0.0) {
            modulo + y
        } else {
            modulo
        }
    } else {
        0.0f64.copysign(y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::testdata::{check_all, float_from_hex, outcome};

    fn bits(x: f64) -> String {
        format!("{:016x}", x.to_bits())
    }

    fn run(op: &str, args: &[String]) -> TextResult<String> {
        let float = |i: usize| float_from_hex(&args[i]);
        let int = |i: usize| args[i].parse::<BigInt>().expect("int");
        Ok(match op {
            "parse_int" => {
                let n = parse_int(&args[0], args[1].parse().expect("base"))?;
                // The table keeps the last nine digits of long results.
                if args[0].len() > 100 {
                    n.mod_floor(&BigInt::from(1_000_000_000)).to_string()
                } else {
                    n.to_string()
                }
            }
            "parse_float" => bits(parse_float(&args[0])?),
            "float_round" => bits(float_round(float(0), args[1].parse().expect("ndigits"))?),
            // The table converts the int result back: no negative zero.
            "round_half_even" => bits(round_half_even(float(0)) + 0.0),
            "float_to_int" => float_to_int(float(0))?.to_string(),
            "as_integer_ratio" => {
                let (n, d) = float_as_integer_ratio(float(0))?;
                format!("{n}/{d}")
            }
            "is_integer" => if float_is_integer(float(0)) {
                "True"
            } else {
                "False"
            }
            .to_string(),
            "divmod" => {
                let (q, r) = py_divmod(float(0), float(1));
                format!("{} {}", bits(q), bits(r))
            }
            "fmod" => bits(py_fmod(float(0), float(1))),
            "floordiv" => bits(py_floordiv(float(0), float(1))),
            "int_to_f64" => bits(int_to_f64(&int(0))?),
            "prefixed" => int_to_prefixed(&int(0), args[1].parse().expect("radix")),
            "int_true_div" => bits(int_true_div(&int(0), &int(1))?),
            "int_to_decimal" => {
                let n = BigInt::parse_bytes(args[0].as_bytes(), 16).expect("hex");
                format!("len {}", int_to_decimal(&n)?.len())
            }
            other => panic!("unknown operation {other}"),
        })
    }

    #[test]
    fn numbers_match_python() {
        check_all(include_str!("testdata/number_cases.txt"), |case| {
            (outcome(run(&case[0], &case[2..])), case[1].clone())
        });
    }
}
