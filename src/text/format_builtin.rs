//! `format(value, spec)` for the built-in types int, float and str, with
//! CPython 3.11's results and error messages.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::error::{TextError, TextResult};
use super::float_repr::{double_to_string, FloatFormat, FloatStyle};
use super::format_spec::{unknown_code, FormatSpec};
use super::number_layout::{check_width, layout_number, NumberParts, MAX_FIELD_WIDTH};
use super::numbers::{int_to_decimal, int_to_f64};

/// `format(n, spec)` for an int.
pub fn format_int(n: &BigInt, spec: &str) -> TextResult<String> {
    format_int_spec(n, &FormatSpec::parse(spec, "int")?, "int")
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> TextResult<String> {
    format_float_spec(x, &FormatSpec::parse(spec, "float")?, "float")
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> TextResult<String> {
    format_str_spec(s, &FormatSpec::parse(spec, "str")?)
}

/// An int (or bool: pass `"bool"` as `type_name`) with a parsed spec.
pub fn format_int_spec(n: &BigInt, spec: &FormatSpec, type_name: &str) -> TextResult<String> {
    match spec.ty {
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_spec(int_to_f64(n)?, spec, type_name)
        }
        Some(other) => return Err(unknown_code(other, type_name)),
    }
    if spec.precision.is_some() {
        return Err(TextError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (radix, prefix, group_size) = match spec.ty {
        Some('b') => (2, "0b", 4),
        Some('o') => (8, "0o", 4),
        Some('x') => (16, "0x", 4),
        Some('X') => (16, "0X", 4),
        Some('c') => return format_int_as_char(n, spec),
        _ => (10, "", 3),
    };
    let digits = if radix == 10 {
        let text = int_to_decimal(n)?;
        text.trim_start_matches('-').to_string()
    } else {
        let text = n.magnitude().to_str_radix(radix);
        if spec.ty == Some('X') {
            text.to_ascii_uppercase()
        } else {
            text
        }
    };
    let parts = NumberParts {
        negative: n.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
        group_size,
    };
    layout_number(&parts, spec)
}

/// Type `c`: the character with that code point.
fn format_int_as_char(n: &BigInt, spec: &FormatSpec) -> TextResult<String> {
    if spec.sign.is_some() {
        return Err(TextError::value(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    let c = char_from_code_point(n)?;
    let text = c.to_string();
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        rest: &text,
        group_size: 3,
    };
    layout_number(&parts, spec)
}

/// `chr(n)` as `'%c'` and format type `c` check it.
pub(crate) fn char_from_code_point(n: &BigInt) -> TextResult<char> {
    let code = n
        .to_i64()
        .ok_or_else(|| TextError::overflow("Python int too large to convert to C long"))?;
    if !(0..=0x10ffff).contains(&code) {
        return Err(TextError::overflow("%c arg not in range(0x110000)"));
    }
    char::from_u32(code as u32).ok_or_else(|| {
        TextError::value("kairos strings cannot hold surrogate code points (U+D800-U+DFFF)")
    })
}

/// A float (or an int formatted with a float type) with a parsed spec.
pub fn format_float_spec(x: f64, spec: &FormatSpec, type_name: &str) -> TextResult<String> {
    let (style, upper) = match spec.ty {
        None => (FloatStyle::Repr, false),
        Some('e') => (FloatStyle::Exponent, false),
        Some('E') => (FloatStyle::Exponent, true),
        Some('f' | '%') => (FloatStyle::Fixed, false),
        Some('F') => (FloatStyle::Fixed, true),
        Some('g' | 'n') => (FloatStyle::General, false),
        Some('G') => (FloatStyle::General, true),
        Some(other) => return Err(unknown_code(other, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(TextError::value("precision too big"));
    }
    if spec.precision.is_some_and(|p| p > MAX_FIELD_WIDTH) {
        return Err(TextError::memory("format precision too large"));
    }
    check_width(spec)?;
    let style = match (style, spec.precision) {
        // Type '' with a precision is 'g' that keeps a '.0' on integers.
        (FloatStyle::Repr, Some(_)) => FloatStyle::General,
        (style, _) => style,
    };
    let format = FloatFormat {
        style,
        precision: spec.precision.unwrap_or(6),
        upper,
        alternate: spec.alternate,
        add_dot_0: spec.ty.is_none(),
        no_neg_zero: spec.no_neg_zero,
    };
    let percent = spec.ty == Some('%');
    let mut text = double_to_string(if percent { x * 100.0 } else { x }, &format);
    if percent {
        text.push('%');
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let digit_count = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = unsigned.split_at(digit_count);
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        rest,
        group_size: 3,
    };
    layout_number(&parts, spec)
}

/// A str with a parsed spec: precision truncates, width pads.
pub fn format_str_spec(s: &str, spec: &FormatSpec) -> TextResult<String> {
    match spec.ty {
        None | Some('s') => {}
        Some(other) => return Err(unknown_code(other, "str")),
    }
    if let (Some(separator), None) = (spec.grouping, spec.ty) {
        return Err(TextError::value(format!(
            "Cannot specify '{separator}' with 's'."
        )));
    }
    match spec.sign {
        Some(' ') => {
            return Err(TextError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(TextError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(TextError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(TextError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(TextError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    check_width(spec)?;
    let (fill, align) = spec.fill_align('<');
    let text = match spec.precision {
        Some(limit) => s.chars().take(limit).collect::<String>(),
        None => s.to_string(),
    };
    Ok(pad(&text, spec.width.unwrap_or(0), fill, align))
}

/// Pads `text` to `width` characters as a format spec aligns it (`^` puts
/// the odd extra character on the right).
pub(crate) fn pad(text: &str, width: usize, fill: char, align: char) -> String {
    let len = text.chars().count();
    if len >= width {
        return text.to_string();
    }
    let padding = width - len;
    let left = match align {
        '>' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + padding * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, padding - left));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::testdata::{check_all, float_from_hex, outcome};

    #[test]
    fn format_matches_python() {
        check_all(include_str!("testdata/format_cases.txt"), |case| {
            let (kind, value, spec) = (&case[0], &case[1], &case[2]);
            let got = match kind.as_str() {
                "i" => format_int(&value.parse().expect("int"), spec),
                "f" => format_float(float_from_hex(value), spec),
                _ => format_str(value, spec),
            };
            (outcome(got), case[3].clone())
        });
    }

    #[test]
    fn elapsed_time_examples() {
        assert_eq!(format_float(3.0049999, ".2f").unwrap(), "3.00");
        assert_eq!(format_float(2.675, ".2f").unwrap(), "2.67");
        assert_eq!(format_float(0.5, ".0f").unwrap(), "0");
        assert_eq!(
            format_int(&BigInt::from(1234567), ",").unwrap(),
            "1,234,567"
        );
    }
}
