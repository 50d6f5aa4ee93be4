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
                return Err(
                    self.error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
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

#[cfg(test)]
mod tests {
    use crate::ast::*;
    use crate::source::SourceFile;
    use crate::syntax::parse_module;

    /// The parts of the f-string assigned in `x = <literal>`.
    fn parts(literal: &str) -> Vec<FStringPart> {
        let module = parse_module(&SourceFile::new("t.py", format!("x = {literal}\n"))).unwrap();
        match &module.body[0].node {
            StmtKind::Assign { value, .. } => match &value.node {
                ExprKind::JoinedStr(parts) => parts.clone(),
                other => panic!("not an f-string: {other:?}"),
            },
            other => panic!("not an assignment: {other:?}"),
        }
    }

    fn error(literal: &str) -> String {
        parse_module(&SourceFile::new("t.py", format!("x = {literal}\n")))
            .unwrap_err()
            .msg
    }

    fn field(part: &FStringPart) -> (&Expr, Option<char>, Option<&Vec<FStringPart>>, Option<&str>) {
        match part {
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
                debug_text,
            } => (
                value,
                *conversion,
                format_spec.as_ref(),
                debug_text.as_deref(),
            ),
            other => panic!("not a field: {other:?}"),
        }
    }

    #[test]
    fn literals_braces_and_escapes() {
        assert_eq!(
            parts(r#"f"a{{b}}\n""#),
            vec![FStringPart::Literal("a{b}\n".into())]
        );
        assert_eq!(
            parts(r#"rf"\n{{""#),
            vec![FStringPart::Literal("\\n{".into())]
        );
        assert_eq!(parts(r#"f"""#), vec![]);
    }

    #[test]
    fn fields_have_file_spans() {
        let p = parts(r#"f"v={a + b!r:>{width}}""#);
        assert_eq!(p[0], FStringPart::Literal("v=".into()));
        let (value, conversion, spec, debug) = field(&p[1]);
        // `x = f"v={` is 9 bytes.
        assert_eq!(value.span, Span::new(9, 14));
        assert_eq!(conversion, Some('r'));
        assert_eq!(debug, None);
        let spec = spec.unwrap();
        assert_eq!(spec[0], FStringPart::Literal(">".into()));
        assert!(matches!(&field(&spec[1]).0.node, ExprKind::Name(n) if n == "width"));
    }

    #[test]
    fn debug_form_keeps_spacing_and_implies_repr() {
        let p = parts(r#"f"{x = }{y=:>4}{z=!s}""#);
        assert_eq!(field(&p[0]).1, Some('r'));
        assert_eq!(field(&p[0]).3, Some("x = "));
        assert_eq!(field(&p[1]).1, None);
        assert_eq!(field(&p[1]).3, Some("y="));
        assert_eq!(field(&p[2]).1, Some('s'));
    }

    #[test]
    fn concatenation_mixes_plain_and_f_strings() {
        let p = parts(r#""a" f"{x}" 'b' f'c'"#);
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], FStringPart::Literal("a".into()));
        assert_eq!(p[2], FStringPart::Literal("bc".into()));
    }

    #[test]
    fn nested_strings_and_comparisons() {
        let p = parts(r#"f"{'x' if a != b else 'y'}""#);
        assert!(matches!(field(&p[0]).0.node, ExprKind::IfExp { .. }));
        let p = parts(r#"f"{d['k']:{w}}""#);
        assert!(matches!(field(&p[0]).0.node, ExprKind::Subscript { .. }));
    }

    #[test]
    fn errors() {
        assert_eq!(error(r#"f"{}""#), "f-string: empty expression not allowed");
        assert_eq!(error(r#"f"{a""#), "f-string: expecting '}'");
        assert_eq!(error(r#"f"}""#), "f-string: single '}' is not allowed");
        assert_eq!(
            error(r#"f"{a!x}""#),
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        );
        assert_eq!(
            error(r#"f"{a:{b:{c}}}""#),
            "f-string: expressions nested too deeply"
        );
        assert_eq!(error(r#"f"{a +}""#), "f-string: invalid syntax");
        assert_eq!(error(r#"f"{a)}""#), "f-string: unmatched ')'");
        assert_eq!(
            error(r#"f"{#}""#),
            "f-string expression part cannot include '#'"
        );
    }
}
