//! Float to text the way CPython's `PyOS_double_to_string` does it: `repr`
//! (shortest digits, exponent outside 1e-4 <= |x| < 1e16), and the fixed,
//! exponent and general styles that format specs and `%` formatting build on.

use super::decimal::{all_zero, fixed_digits, shortest_digits, significant_digits};

/// Which presentation a float gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// Shortest round-trip digits, as `repr(x)`.
    Repr,
    /// `'f'`: `precision` digits after the point.
    Fixed,
    /// `'e'`: one digit, the point, `precision` digits, an exponent.
    Exponent,
    /// `'g'`: `precision` significant digits, fixed or exponent by magnitude.
    General,
}

/// Everything that shapes a float's text (CPython's code and flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloatFormat {
    pub style: FloatStyle,
    /// Ignored for `Repr`.
    pub precision: usize,
    /// `E`, `INF`, `NAN` instead of `e`, `inf`, `nan`.
    pub upper: bool,
    /// `'#'`: always a decimal point; `'g'` keeps trailing zeros.
    pub alternate: bool,
    /// Integral values get `.0` (repr and format type `''`).
    pub add_dot_0: bool,
    /// `'z'`: a value that rounds to zero loses its minus sign.
    pub no_neg_zero: bool,
}

impl FloatFormat {
    /// A plain style with no flags.
    pub fn new(style: FloatStyle, precision: usize) -> Self {
        Self {
            style,
            precision,
            upper: false,
            alternate: false,
            add_dot_0: false,
            no_neg_zero: false,
        }
    }
}

/// `repr(x)` for a float: `0.1`, `1e+16`, `1e-05`, `1.0`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    let format = FloatFormat {
        add_dot_0: true,
        ..FloatFormat::new(FloatStyle::Repr, 0)
    };
    double_to_string(x, &format)
}

/// `str(x)` for a float, which is `repr(x)` in Python 3.
pub fn float_str(x: f64) -> String {
    float_repr(x)
}

/// The text of `x` in the given format, with a leading `-` for negative
/// values (NaN never gets a sign).
pub fn double_to_string(x: f64, format: &FloatFormat) -> String {
    if x.is_nan() {
        return if format.upper { "NAN" } else { "nan" }.to_string();
    }
    let negative = x.is_sign_negative();
    let body = if x.is_infinite() {
        if format.upper { "INF" } else { "inf" }.to_string()
    } else {
        finite_body(x, format)
    };
    let rounded_to_zero = x.is_finite() && all_zero(mantissa_digits(&body).as_str());
    if negative && !(format.no_neg_zero && rounded_to_zero) {
        format!("-{body}")
    } else {
        body
    }
}

/// The digits of a formatted body before any exponent, without the point.
fn mantissa_digits(body: &str) -> String {
    body.chars()
        .take_while(|c| !matches!(c, 'e' | 'E'))
        .filter(|c| c.is_ascii_digit())
        .collect()
}

/// The text of `|x|` for a finite `x`.
fn finite_body(x: f64, format: &FloatFormat) -> String {
    let precision = format.precision;
    match format.style {
        FloatStyle::Fixed => {
            let digits = fixed_digits(x, precision);
            let (int_part, frac_part) = digits.split_at(digits.len() - precision);
            let mut out = int_part.to_string();
            if precision > 0 || format.alternate {
                out.push('.');
                out.push_str(frac_part);
            }
            out
        }
        FloatStyle::Exponent => {
            let (digits, decpt) = significant_digits(x, precision + 1);
            let mut out = digits[..1].to_string();
            if precision > 0 || format.alternate {
                out.push('.');
                out.push_str(&digits[1..]);
            }
            push_exponent(&mut out, decpt - 1, format.upper);
            out
        }
        FloatStyle::General => {
            let precision = precision.max(1);
            let (digits, decpt) = significant_digits(x, precision);
            let digits = if format.alternate {
                digits
            } else {
                strip_trailing_zeros(digits)
            };
            let limit = if format.add_dot_0 {
                precision as i64 - 1
            } else {
                precision as i64
            };
            let use_exponent = decpt <= -4 || decpt as i64 > limit;
            place_point(&digits, decpt, use_exponent, format)
        }
        FloatStyle::Repr => {
            let (digits, decpt) = shortest_digits(x);
            let use_exponent = decpt <= -4 || decpt > 16;
            place_point(&digits, decpt, use_exponent, format)
        }
    }
}

fn strip_trailing_zeros(mut digits: String) -> String {
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
    digits
}

/// Lays out significant `digits` whose decimal point is at `decpt`.
fn place_point(digits: &str, decpt: i32, use_exponent: bool, format: &FloatFormat) -> String {
    let mut out = String::with_capacity(digits.len() + 8);
    if use_exponent {
        out.push_str(&digits[..1]);
        if digits.len() > 1 || format.alternate {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        push_exponent(&mut out, decpt - 1, format.upper);
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', decpt.unsigned_abs() as usize));
        out.push_str(digits);
    } else if (decpt as usize) < digits.len() {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    } else {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', decpt as usize - digits.len()));
        if format.add_dot_0 {
            out.push_str(".0");
        } else if format.alternate {
            out.push('.');
        }
    }
    out
}

/// Appends `e+05` / `E-123`: a sign and at least two digits.
fn push_exponent(out: &mut String, exponent: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exponent < 0 { '-' } else { '+' });
    out.push_str(&format!("{:02}", exponent.unsigned_abs()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::testdata::{check_all, float_from_hex};

    #[test]
    fn repr_matches_python() {
        check_all(include_str!("testdata/float_repr.txt"), |case| {
            (float_repr(float_from_hex(&case[0])), case[1].clone())
        });
    }

    #[test]
    fn repr_examples() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_str(f64::NEG_INFINITY), "-inf");
    }
}
