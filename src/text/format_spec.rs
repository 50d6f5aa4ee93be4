//! The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`):
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
//! parsed with CPython 3.11's rules and error messages.

use super::error::{TextError, TextResult};
use super::unicode_props::decimal_value;

/// A parsed format spec. `None` fields were not given; how they default
/// depends on the type being formatted (see [`FormatSpec::fill_align`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only given together with an alignment).
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or space.
    pub sign: Option<char>,
    /// `z`: negative zero after rounding prints as zero (floats only).
    pub no_neg_zero: bool,
    /// `#`: alternate form (`0x` prefixes, a decimal point always).
    pub alternate: bool,
    /// A `0` before the width: zero padding after the sign.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`: thousands separator.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type (`d`, `x`, `f`, `s`, ...).
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// A character as CPython quotes it in format errors: itself when printable
/// ASCII, else `\xNN`.
pub(crate) fn quoted_code(c: char) -> String {
    let code = c as u32;
    if code > 32 && code < 128 {
        c.to_string()
    } else {
        format!("\\x{code:x}")
    }
}

/// Reads a run of decimal digits (any Unicode decimal digits, as CPython).
fn read_integer(chars: &[char], pos: &mut usize) -> TextResult<Option<usize>> {
    let start = *pos;
    let mut value: i64 = 0;
    while let Some(digit) = chars.get(*pos).and_then(|c| decimal_value(*c)) {
        let digit = i64::from(digit);
        if value > (i64::MAX - digit) / 10 {
            return Err(TextError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + digit;
        *pos += 1;
    }
    if *pos == start {
        return Ok(None);
    }
    // `usize` holds every i64 on the 64-bit targets kairos supports.
    Ok(Some(usize::try_from(value).unwrap_or(usize::MAX)))
}

impl FormatSpec {
    /// Parses `spec`; `type_name` (e.g. `"float"`) only appears in errors.
    pub fn parse(spec: &str, type_name: &str) -> TextResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut out = FormatSpec::default();
        let mut pos = 0;
        if chars.len() >= 2 && is_align(chars[1]) {
            out.fill = Some(chars[0]);
            out.align = Some(chars[1]);
            pos = 2;
        } else if chars.first().copied().is_some_and(is_align) {
            out.align = Some(chars[0]);
            pos = 1;
        }
        if let Some(&c) = chars.get(pos) {
            if matches!(c, '+' | '-' | ' ') {
                out.sign = Some(c);
                pos += 1;
            }
        }
        if chars.get(pos) == Some(&'z') {
            out.no_neg_zero = true;
            pos += 1;
        }
        if chars.get(pos) == Some(&'#') {
            out.alternate = true;
            pos += 1;
        }
        if out.fill.is_none() && chars.get(pos) == Some(&'0') {
            out.zero_pad = true;
            pos += 1;
        }
        out.width = read_integer(&chars, &mut pos)?;
        if chars.get(pos) == Some(&',') {
            out.grouping = Some(',');
            pos += 1;
        }
        if chars.get(pos) == Some(&'_') {
            if out.grouping.is_some() {
                return Err(both_separators());
            }
            out.grouping = Some('_');
            pos += 1;
        }
        if out.grouping == Some('_') && chars.get(pos) == Some(&',') {
            return Err(both_separators());
        }
        if chars.get(pos) == Some(&'.') {
            pos += 1;
            out.precision = read_integer(&chars, &mut pos)?;
            if out.precision.is_none() {
                return Err(TextError::value("Format specifier missing precision"));
            }
        }
        match chars.len() - pos {
            0 => {}
            1 => out.ty = Some(chars[pos]),
            _ => {
                return Err(TextError::value(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )))
            }
        }
        out.check_grouping_type()?;
        Ok(out)
    }

    /// PEP 378 / PEP 515: which types accept `,` and `_`.
    fn check_grouping_type(&self) -> TextResult<()> {
        let Some(separator) = self.grouping else {
            return Ok(());
        };
        let allowed = match self.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => separator == '_',
            Some(_) => false,
        };
        if allowed {
            return Ok(());
        }
        let ty = self.ty.map(quoted_code).unwrap_or_default();
        Err(TextError::value(format!(
            "Cannot specify '{separator}' with '{ty}'."
        )))
    }

    /// The fill character and alignment in effect, given the type's default
    /// alignment (`<` for str, `>` for numbers): a `0` before the width pads
    /// with zeros and, for numbers without an explicit alignment, after the
    /// sign.
    pub fn fill_align(&self, default_align: char) -> (char, char) {
        let mut fill = self.fill.unwrap_or(' ');
        let mut align = self.align.unwrap_or(default_align);
        if self.zero_pad && self.fill.is_none() {
            fill = '0';
            if self.align.is_none() && default_align == '>' {
                align = '=';
            }
        }
        (fill, align)
    }
}

fn both_separators() -> TextError {
    TextError::value("Cannot specify both ',' and '_'.")
}

/// `Unknown format code 'q' for object of type 'int'`.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> TextError {
    TextError::value(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        quoted_code(ty)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_field() {
        let spec = FormatSpec::parse("*^+z#012,.3f", "float").unwrap();
        assert_eq!(spec.fill, Some('*'));
        assert_eq!(spec.align, Some('^'));
        assert_eq!(spec.sign, Some('+'));
        assert!(spec.no_neg_zero && spec.alternate);
        assert!(
            !spec.zero_pad,
            "an explicit fill makes the 0 part of the width"
        );
        assert_eq!(spec.width, Some(12));
        assert_eq!(spec.grouping, Some(','));
        assert_eq!(spec.precision, Some(3));
        assert_eq!(spec.ty, Some('f'));
    }

    #[test]
    fn zero_pad_defaults_depend_on_type() {
        let spec = FormatSpec::parse("05", "str").unwrap();
        assert_eq!(spec.fill_align('<'), ('0', '<'));
        assert_eq!(spec.fill_align('>'), ('0', '='));
    }
}
