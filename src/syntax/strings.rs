//! String and bytes literals: escape decoding and implicit concatenation of
//! adjacent literals (plain strings, bytes, f-strings).

use super::error::SyntaxError;
use super::fstring;
use super::token::StrLit;
use super::unicode_names::NAMES;
use crate::ast::*;

/// A string token as the grammar hands it over: start, kind, end.
pub type StrToken = (usize, StrLit, usize);

/// Joins adjacent literals into one constant or f-string.
pub fn concat(src: &str, toks: Vec<StrToken>) -> Result<Expr, SyntaxError> {
    let start = toks.first().map_or(0, |t| t.0);
    let end = toks.last().map_or(0, |t| t.2);
    let span = Span::new(start, end);
    // CPython reports literal-level errors at the token after the strings.
    let after = Span::new(end, end + 1);
    let bytes_count = toks.iter().filter(|t| t.1.is_bytes).count();
    if bytes_count != 0 && bytes_count != toks.len() {
        return Err(SyntaxError::syntax(
            "cannot mix bytes and nonbytes literals",
            after,
        ));
    }
    if bytes_count != 0 {
        let mut value = Vec::new();
        for (l, lit, r) in &toks {
            let body = body_of(src, *l, lit, *r);
            if !body.is_ascii() {
                return Err(SyntaxError::syntax(
                    "bytes can only contain ASCII literal characters",
                    Span::new(*l, *r),
                ));
            }
            decode_bytes(body, lit.is_raw, &mut value)
                .map_err(|msg| SyntaxError::syntax(msg, after))?;
        }
        return Ok(Spanned::new(
            ExprKind::Constant(Constant::Bytes(value)),
            span,
        ));
    }
    let mut parts: Vec<FStringPart> = Vec::new();
    let any_fstring = toks.iter().any(|t| t.1.is_fstring);
    for (l, lit, r) in &toks {
        let body_start = l + lit.prefix_len as usize + lit.quote_len as usize;
        let body_end = (r - lit.quote_len as usize).max(body_start);
        if lit.is_fstring {
            let field_parts = fstring::parse(src, body_start, body_end, lit.is_raw, after)?;
            for part in field_parts {
                push_part(&mut parts, part);
            }
        } else {
            let text = decode_str(&src[body_start..body_end], lit.is_raw)
                .map_err(|msg| SyntaxError::syntax(msg, after))?;
            push_part(&mut parts, FStringPart::Literal(text));
        }
    }
    if !any_fstring {
        let text = match parts.pop() {
            Some(FStringPart::Literal(s)) => s,
            _ => String::new(),
        };
        return Ok(Spanned::new(ExprKind::Constant(Constant::Str(text)), span));
    }
    Ok(Spanned::new(ExprKind::JoinedStr(parts), span))
}

/// Appends a part, merging adjacent literals and dropping empty ones.
fn push_part(parts: &mut Vec<FStringPart>, part: FStringPart) {
    match part {
        FStringPart::Literal(text) if text.is_empty() => {}
        FStringPart::Literal(text) => match parts.last_mut() {
            Some(FStringPart::Literal(prev)) => prev.push_str(&text),
            _ => parts.push(FStringPart::Literal(text)),
        },
        field => parts.push(field),
    }
}

fn body_of<'s>(src: &'s str, l: usize, lit: &StrLit, r: usize) -> &'s str {
    let start = l + lit.prefix_len as usize + lit.quote_len as usize;
    let end = (r - lit.quote_len as usize).max(start);
    &src[start..end]
}

/// Normalises `\r\n` and `\r` line ends inside literals to `\n`, as CPython's
/// universal-newline reading does.
fn push_char(out: &mut String, c: char, prev_cr: &mut bool) {
    if c == '\n' && *prev_cr {
        *prev_cr = false;
        return;
    }
    *prev_cr = c == '\r';
    out.push(if c == '\r' { '\n' } else { c });
}

/// Decodes the escapes of a `str` literal body (or copies it when raw).
pub fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut prev_cr = false;
    if raw {
        for c in body.chars() {
            push_char(&mut out, c, &mut prev_cr);
        }
        return Ok(out);
    }
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            push_char(&mut out, c, &mut prev_cr);
            continue;
        }
        prev_cr = false;
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|p| p.1) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (len, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let digits_start = i + 2;
                let digits: String = body[digits_start..]
                    .chars()
                    .take(len)
                    .take_while(|d| d.is_ascii_hexdigit())
                    .collect();
                if digits.len() < len {
                    let end = digits_start + digits.len() - 1;
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{end}: truncated {name} escape"
                    ));
                }
                for _ in 0..len {
                    chars.next();
                }
                let value = u32::from_str_radix(&digits, 16).unwrap_or(0);
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    None if value < 0x110000 => out.push('\u{fffd}'),
                    None => {
                        let end = digits_start + len - 1;
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{end}: illegal Unicode character"
                        ));
                    }
                }
            }
            'N' => {
                let rest = &body[i + 2..];
                let close = rest.strip_prefix('{').and_then(|r| r.find('}'));
                let Some(close) = close else {
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{}: malformed \\N character escape",
                        i + 1
                    ));
                };
                let name = &rest[1..close + 1];
                let Some(ch) = char_named(name) else {
                    return Err(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{}: unknown Unicode character name",
                        i + 3 + close
                    ));
                };
                out.push(ch);
                for _ in 0..close + 2 {
                    chars.next();
                }
            }
            other => {
                out.push('\\');
                push_char(&mut out, other, &mut prev_cr);
            }
        }
    }
    Ok(out)
}

/// The character a `\N{...}` escape names (case-insensitive, as in CPython).
fn char_named(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    if let Some(hex) = upper.strip_prefix("CJK UNIFIED IDEOGRAPH-") {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    NAMES
        .binary_search_by(|(n, _)| n.cmp(&upper.as_str()))
        .ok()
        .map(|i| NAMES[i].1)
}

/// Decodes the escapes of a bytes literal body (ASCII already checked).
fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), String> {
    let text = decode_newlines(body);
    let bytes = text.as_bytes();
    if raw {
        out.extend_from_slice(bytes);
        return Ok(());
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c != b'\\' || i + 1 >= bytes.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = bytes[i + 1];
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                let mut taken = 0;
                while taken < 2 && i < bytes.len() && (b'0'..=b'7').contains(&bytes[i]) {
                    value = value * 8 + (bytes[i] - b'0') as u32;
                    i += 1;
                    taken += 1;
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hex = bytes
                    .get(i..i + 2)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit));
                let Some(hex) = hex else {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        i - 2
                    ));
                };
                let value =
                    u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("0"), 16).unwrap_or(0);
                out.push(value);
                i += 2;
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(())
}

fn decode_newlines(body: &str) -> String {
    body.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            decode_str(r"a\n\t\\\'\x41\u00e9\101\q", false).unwrap(),
            "a\n\t\\'A\u{e9}A\\q"
        );
        assert_eq!(decode_str(r"a\n", true).unwrap(), r"a\n");
        assert!(decode_str(r"\x4", false)
            .unwrap_err()
            .contains("truncated \\xXX escape"));
        assert_eq!(
            decode_str(r"\N{latin small letter a}\N{EM DASH}", false).unwrap(),
            "a\u{2014}"
        );
        assert!(decode_str(r"\N{NO SUCH NAME}", false)
            .unwrap_err()
            .contains("unknown Unicode character name"));
        let mut out = Vec::new();
        decode_bytes(r"\x41\n\777", false, &mut out).unwrap();
        assert_eq!(out, vec![0x41, b'\n', 0xff]);
    }
}
