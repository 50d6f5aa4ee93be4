//! `int(text, base)` and `float(text)` on strings, with CPython's grammar:
//! surrounding whitespace, signs, single underscores between digits, base
//! prefixes, digits of any script, and its exact ValueError messages.

use num_bigint::{BigInt, Sign};

use super::error::{TextError, TextResult};
use super::numbers::INT_MAX_STR_DIGITS;
use super::str_repr::str_repr;
use super::unicode_props::{decimal_value, is_space};

/// CPython first maps decimal digits of any script to ASCII and Unicode
/// whitespace to a space; any other non-ASCII character can only fail.
fn to_ascii_form(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if let Some(digit) = decimal_value(c) {
                b'0' + digit as u8
            } else if is_space(c) {
                b' '
            } else {
                b'?'
            }
        })
        .collect()
}

/// C's `isspace`: what int() and float() strip after the mapping above.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => u32::MAX,
    }
}

/// `int(text, base)`; `base` 0 means "from the prefix, like a literal".
pub fn parse_int(text: &str, base: i64) -> TextResult<BigInt> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(TextError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        let quoted: String = str_repr(text).chars().take(200).collect();
        TextError::value(format!(
            "invalid literal for int() with base {base}: {quoted}"
        ))
    };
    let bytes = to_ascii_form(text);
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let mut pos = 0;
    while is_c_space(at(pos)) {
        pos += 1;
    }
    let sign = match at(pos) {
        b'-' => {
            pos += 1;
            Sign::Minus
        }
        b'+' => {
            pos += 1;
            Sign::Plus
        }
        _ => Sign::Plus,
    };
    let mut base = base as u32;
    let mut must_be_zero = false;
    if base == 0 {
        base = match (at(pos), at(pos + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // An old C-style octal literal: only zero is still valid.
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match base {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if prefix != 0 && at(pos) == b'0' && at(pos + 1).to_ascii_lowercase() == prefix {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(invalid());
    }
    let mut digits = String::new();
    let mut previous_underscore = false;
    while pos < bytes.len() && (digit_value(bytes[pos]) < base || bytes[pos] == b'_') {
        let underscore = bytes[pos] == b'_';
        if underscore && previous_underscore {
            return Err(invalid());
        }
        if !underscore {
            digits.push(bytes[pos] as char);
        }
        previous_underscore = underscore;
        pos += 1;
    }
    if previous_underscore {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(TextError::value(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    while is_c_space(at(pos)) {
        pos += 1;
    }
    if digits.is_empty() || pos != bytes.len() {
        return Err(invalid());
    }
    let magnitude = BigInt::parse_bytes(digits.as_bytes(), base).ok_or_else(invalid)?;
    if must_be_zero && magnitude.sign() != Sign::NoSign {
        return Err(invalid());
    }
    Ok(if sign == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

/// `float(text)`: decimal literals, `inf`, `infinity`, `nan` in any case.
pub fn parse_float(text: &str) -> TextResult<f64> {
    let invalid = || {
        TextError::value(format!(
            "could not convert string to float: {}",
            str_repr(text)
        ))
    };
    let bytes = to_ascii_form(text);
    let start = bytes
        .iter()
        .position(|b| !is_c_space(*b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_c_space(*b))
        .map_or(start, |i| i + 1);
    let body = &bytes[start..end.max(start)];
    let cleaned = remove_digit_underscores(body).ok_or_else(invalid)?;
    let (negative, unsigned) = match cleaned.first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, &cleaned[..]),
    };
    let lower = unsigned.to_ascii_lowercase();
    let magnitude = match lower.as_slice() {
        b"inf" | b"infinity" => f64::INFINITY,
        b"nan" => f64::NAN,
        _ => parse_decimal(unsigned).ok_or_else(invalid)?,
    };
    Ok(if negative { -magnitude } else { magnitude })
}

/// Drops underscores that sit between two digits; `None` if any does not.
fn remove_digit_underscores(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    for (i, &b) in body.iter().enumerate() {
        if b == b'_' {
            let before = i > 0 && body[i - 1].is_ascii_digit();
            let after = body.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(b);
        }
    }
    Some(out)
}

/// `digits[.digits][e[sign]digits]` (at least one mantissa digit), parsed
/// with correct rounding.
fn parse_decimal(text: &[u8]) -> Option<f64> {
    let digits_end = |from: usize| {
        from + text[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_end = digits_end(0);
    let mut pos = int_end;
    let mut frac_digits = 0;
    if text.get(pos) == Some(&b'.') {
        let frac_end = digits_end(pos + 1);
        frac_digits = frac_end - pos - 1;
        pos = frac_end;
    }
    if int_end == 0 && frac_digits == 0 {
        return None;
    }
    if matches!(text.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(text.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exp_end = digits_end(pos);
        if exp_end == pos {
            return None;
        }
        pos = exp_end;
    }
    if pos != text.len() {
        return None;
    }
    // The text is now ASCII in a grammar Rust's parser accepts.
    std::str::from_utf8(text).ok()?.parse().ok()
}
