//! Lays out a formatted number inside its field: sign, `0x` prefix, padding
//! (left, right, centred or after the sign), and thousands separators, which
//! CPython also spreads through zero padding (`format(1234, '012,')` is
//! `'0,000,001,234'`).

use super::error::{TextError, TextResult};
use super::format_spec::FormatSpec;

/// Widths and precisions past this are refused (MemoryError) instead of
/// building strings of gigabytes from a short format; CPython would try.
pub(crate) const MAX_FIELD_WIDTH: usize = 10_000_000;

/// A number already rendered as text, split into the pieces that padding and
/// grouping treat differently.
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`, `0o`, `0b` or empty.
    pub prefix: &'a str,
    /// The integer digits, the only part that gets separators.
    pub digits: &'a str,
    /// Everything after them: decimal point, fraction, exponent, `%`, `inf`.
    pub rest: &'a str,
    /// Digits per separator group: 3, or 4 for `_` in b/o/x.
    pub group_size: usize,
}

/// Refuses a width too large to build.
pub(crate) fn check_width(spec: &FormatSpec) -> TextResult<()> {
    match spec.width {
        Some(width) if width > MAX_FIELD_WIDTH => Err(TextError::memory("format field too wide")),
        _ => Ok(()),
    }
}

/// The complete field for a number, with CPython's padding rules.
pub(crate) fn layout_number(parts: &NumberParts, spec: &FormatSpec) -> TextResult<String> {
    check_width(spec)?;
    let (fill, align) = spec.fill_align('>');
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let width = spec.width.unwrap_or(0);
    let rest_len = parts.rest.chars().count();
    let fixed_len = usize::from(sign.is_some()) + parts.prefix.len() + rest_len;
    let grouped = match spec.grouping {
        Some(separator) if !parts.digits.is_empty() => {
            let min_width = if fill == '0' && align == '=' {
                width.saturating_sub(fixed_len)
            } else {
                0
            };
            group_digits(parts.digits, separator, parts.group_size, min_width)
        }
        _ => parts.digits.to_string(),
    };
    let padding = width.saturating_sub(fixed_len + grouped.chars().count());
    let (left, inner, right) = match align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::with_capacity(width.max(fixed_len + grouped.len()) + 4);
    out.extend(std::iter::repeat_n(fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, inner));
    out.push_str(&grouped);
    out.push_str(parts.rest);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// Inserts `separator` every `size` digits from the right, first padding
/// with zeros until the result is at least `min_width` long (never starting
/// with a separator), as CPython's `_PyUnicode_InsertThousandsGrouping`.
fn group_digits(digits: &str, separator: char, size: usize, min_width: usize) -> String {
    let size = size as isize;
    let mut remaining = digits.len() as isize;
    let mut min_width = min_width as isize;
    let mut groups: Vec<String> = Vec::new();
    loop {
        let len = size.min(remaining.max(min_width).max(1));
        let zeros = (len - remaining).max(0) as usize;
        let taken = remaining.min(len).max(0);
        let end = remaining as usize;
        let start = (remaining - taken) as usize;
        let mut group = "0".repeat(zeros);
        group.push_str(&digits[start..end]);
        groups.push(group);
        remaining -= taken;
        min_width -= size;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&separator.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_spreads_into_zero_padding() {
        assert_eq!(group_digits("1234", ',', 3, 12), "0,000,001,234");
        assert_eq!(group_digits("1234", ',', 3, 0), "1,234");
        assert_eq!(group_digits("12345678", '_', 4, 0), "1234_5678");
        assert_eq!(group_digits("0", ',', 3, 0), "0");
    }
}
