//! `repr()` of str and bytes and `ascii()`, byte-for-byte as CPython: the
//! quote choice, `\n \t \r \\` escapes, `\xNN \uNNNN \UNNNNNNNN` for
//! characters that are not printable, printable non-ASCII kept as is.

use std::fmt::Write;

use super::unicode_props::is_printable;

/// The quote a repr uses: `"` when the text has `'` but no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends the shortest of `\xNN`, `\uNNNN`, `\UNNNNNNNN` for `c`.
fn push_code_escape(out: &mut String, c: char) {
    let code = c as u32;
    // Writing to a String cannot fail.
    let _ = if code <= 0xff {
        write!(out, "\\x{code:02x}")
    } else if code <= 0xffff {
        write!(out, "\\u{code:04x}")
    } else {
        write!(out, "\\U{code:08x}")
    };
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c if !c.is_ascii() && is_printable(c) => out.push(c),
            c => push_code_escape(&mut out, c),
        }
    }
    out.push(quote);
    out
}

/// `ascii(obj)` from `repr(obj)`: every non-ASCII character escaped.
pub fn ascii_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            push_code_escape(&mut out, c);
        }
    }
    out
}

/// `repr(b)` for bytes: `b'...'`.
pub fn bytes_repr(bytes: &[u8]) -> String {
    let quote = choose_quote(bytes.contains(&b'\''), bytes.contains(&b'"'));
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b if b as char == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            b => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push(quote);
    out
}
