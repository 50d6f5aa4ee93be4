//! f-string bodies (Python 3.11 rules): literal text, `{{`/`}}`, and
//! replacement fields whose expressions are parsed by re-entering the parser
//! on the exact source range, so their spans are true file offsets.

use super::error::SyntaxError;
use super::parser;
use super::strings::decode_str;
use crate::ast::*;

/// Parses the body `src[start..end]` of one f-string token. `err_span` is
/// where CPython reports f-string-level errors (just after the literal).
pub fn parse(
    src: &str,
    start: usize,
    end: usize,
    raw: bool,
    err_span: Span,
) -> Result<Vec<FStringPart>, SyntaxError> {
    let mut body = Body {
        src,
        end,
        raw,
        err_span,
    };
    let mut pos = start;
    body.parts(&mut pos, 0)
}

struct Body<'s> {
    src: &'s str,
    end: usize,
    raw: bool,
    err_span: Span,
}

impl Body<'_> {
    fn error(&self, msg: &str) -> SyntaxError {
        SyntaxError::syntax(msg, self.err_span)
    }

    fn byte(&self, pos: usize) -> Option<u8> {
        (pos < self.end).then(|| self.src.as_bytes()[pos])
    }

    /// Literal text and fields until the end (level 0) or the `}` closing a
    /// nested format spec (level 1).
    fn parts(&mut self, pos: &mut usize, level: u32) -> Result<Vec<FStringPart>, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            let literal = self.literal(pos, level)?;
            if !literal.is_empty() {
                parts.push(FStringPart::Literal(literal));
            }
            match self.byte(*pos) {
                None | Some(b'}') => break,
                _ => parts.push(self.field(pos, level)?),
            }
        }
        if level > 0 && self.byte(*pos) != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        Ok(parts)
    }

    /// Literal text up to a `{` or `}` that is not doubled (doubling only
    /// counts at the top level, so `{x:{w}}` closes both fields).
    fn literal(&mut self, pos: &mut usize, level: u32) -> Result<String, SyntaxError> {
        let mut out = String::new();
        let mut segment_start = *pos;
        while let Some(c) = self.byte(*pos) {
            if c == b'\\' && !self.raw {
                *pos += 1;
                if let Some(next) = self.src[*pos..self.end].chars().next() {
                    *pos += next.len_utf8();
                    // `\N{NAME}`: its braces are not fields.
                    if next == 'N' && self.byte(*pos) == Some(b'{') {
                        while let Some(b) = self.byte(*pos) {
                            *pos += 1;
                            if b == b'}' {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            if c == b'{' || c == b'}' {
                if level == 0 && self.byte(*pos + 1) == Some(c) {
                    out.push_str(&self.decode(segment_start, *pos)?);
                    out.push(c as char);
                    *pos += 2;
                    segment_start = *pos;
                    continue;
                }
                if level == 0 && c == b'}' {
                    return Err(self.error("f-string: single '}' is not allowed"));
                }
                break;
            }
            *pos += 1;
        }
        out.push_str(&self.decode(segment_start, *pos)?);
        Ok(out)
    }

    fn decode(&self, start: usize, end: usize) -> Result<String, SyntaxError> {
        decode_str(&self.src[start..end], self.raw).map_err(|msg| self.error(&msg))
    }

    /// One `{expr[=][!c][:spec]}` field; `pos` is at its `{`.
    fn field(&mut self, pos: &mut usize, level: u32) -> Result<FStringPart, SyntaxError> {
        if level >= 2 {
            return Err(self.error("f-string: expressions nested too deeply"));
        }
        *pos += 1;
        let expr_start = *pos;
        self.scan_expression(pos)?;
        let expr_end = *pos;
        if self.byte(*pos).is_none() {
            return Err(self.error("f-string: expecting '}'"));
        }
        if self.src[expr_start..expr_end].trim().is_empty() {
            return Err(self.error("f-string: empty expression not allowed"));
        }
        let value = parser::parse_fstring_expr(self.src, expr_start, expr_end)?;
        let mut debug_text = None;
        if self.byte(*pos) == Some(b'=') {
            *pos += 1;
            while self.byte(*pos).is_some_and(|c| c.is_ascii_whitespace()) {
                *pos += 1;
            }
            if self.byte(*pos).is_none() {
                return Err(self.error("f-string: expecting '}'"));
            }
            debug_text = Some(self.src[expr_start..*pos].to_owned());
        }
        let mut conversion = None;
        if self.byte(*pos) == Some(b'!') {
            *pos += 1;
            let Some(c) = self.src[*pos..self.end].chars().next() else {
                return Err(self.error("f-string: expecting '}'"));
            };
            *pos += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.error(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if self.byte(*pos) == Some(b':') {
            *pos += 1;
            if self.byte(*pos).is_none() {
                return Err(self.error("f-string: expecting '}'"));
            }
            format_spec = Some(self.parts(pos, level + 1)?);
        }
        if self.byte(*pos) != Some(b'}') {
            return Err(self.error("f-string: expecting '}'"));
        }
        *pos += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        })
    }

    /// Advances `pos` to the end of a field's expression: the first `!`,
    /// `:`, `=` or `}` outside brackets and nested strings (CPython 3.11's
    /// `fstring_find_expr`).
    fn scan_expression(&self, pos: &mut usize) -> Result<(), SyntaxError> {
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while let Some(c) = self.byte(*pos) {
            if c == b'\\' {
                return Err(self.error("f-string expression part cannot include a backslash"));
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.byte(*pos + 1) == Some(q) && self.byte(*pos + 2) == Some(q) {
                        quote = None;
                        *pos += 2;
                    }
                }
                *pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.byte(*pos + 1) == Some(c) && self.byte(*pos + 2) == Some(c);
                    if triple {
                        *pos += 2;
                    }
                    quote = Some((c, triple));
                }
                b'(' | b'[' | b'{' => brackets.push(c),
                b'#' => {
                    return Err(self.error("f-string expression part cannot include '#'"));
                }
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if brackets.is_empty() => {
                    let next = self.byte(*pos + 1);
                    if next == Some(b'=') && matches!(c, b'!' | b'=' | b'<' | b'>') {
                        *pos += 2;
                        continue;
                    }
                    if c != b'<' && c != b'>' {
                        break;
                    }
                }
                b')' | b']' | b'}' => {
                    let Some(open) = brackets.pop() else {
                        return Err(self.error(&format!("f-string: unmatched '{}'", c as char)));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(self.error(&format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            *pos += 1;
        }
        if quote.is_some() {
            return Err(self.error("f-string: unterminated string"));
        }
        if let Some(open) = brackets.last() {
            return Err(self.error(&format!("f-string: unmatched '{}'", *open as char)));
        }
        Ok(())
    }
}
