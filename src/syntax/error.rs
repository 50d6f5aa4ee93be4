//! The SyntaxError value shared by the parser and the compiler, and its
//! two renderings: CPython's plain stderr text and a richer ariadne report.

use crate::ast::Span;
use crate::source::SourceFile;

/// Which SyntaxError subclass CPython would raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

/// A compile-time error with CPython's wording and the span its carets cover.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub span: Span,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, span: Span) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            span,
        }
    }

    /// A plain `SyntaxError` (the common case).
    pub fn syntax(msg: impl Into<String>, span: Span) -> Self {
        Self::new(SyntaxErrorKind::SyntaxError, msg, span)
    }

    /// The exception class name as Python prints it.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }

    /// CPython 3.11's plain stderr text for an uncaught SyntaxError, e.g.
    ///   File "x.py", line 3\n    await asyncio.sleep(1)\n    ^^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: 'await' outside async function\n
    ///
    /// Mirrors `print_error_text` in CPython's pythonrun.c: the line is shown
    /// without leading blanks, carets count characters (not bytes), a span
    /// reaching into later lines is cut at the end of its first line, and no
    /// caret line is printed when the span starts inside the stripped indent.
    ///
    /// A span starting past the end of the text stands for CPython's end
    /// marker: the last line is shown without carets.
    pub fn render(&self, source: &SourceFile) -> String {
        let len = source.text.len();
        let past_end = self.span.start as usize > len;
        let (line, col) = if past_end {
            (source.line_col(len.saturating_sub(1) as u32).0, 0)
        } else {
            source.line_col(self.span.start)
        };
        let text = source.line_text(line);
        let mut out = format!("  File \"{}\", line {}\n", source.name, line);
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        let indent = text.len() - stripped.len();
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        let col = floor_char_boundary(text, col);
        if col >= indent && !past_end {
            // CPython's tokenizer reports character columns, its parser and
            // compiler byte columns; both are printed as if they counted
            // characters, so mimic the unit to land the caret where it does.
            let unit = |s: &str| {
                if self.is_tokenizer_error() {
                    s.chars().count()
                } else {
                    s.len()
                }
            };
            let (end_line, end_col) = source.line_col(self.span.end);
            let offset = unit(&text[..col]);
            let end = if end_line == line {
                unit(&text[..floor_char_boundary(text, end_col).max(col)])
            } else {
                unit(text)
            };
            let carets = if end > offset { end - offset } else { 1 };
            let position = (offset - indent).min(stripped.len());
            out.push_str("    ");
            out.push_str(&" ".repeat(position));
            out.push_str(&"^".repeat(carets));
            out.push('\n');
        }
        out.push_str(self.kind_name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }

    /// Whether CPython's tokenizer (rather than its parser or compiler)
    /// raises this error; it measures columns in characters.
    fn is_tokenizer_error(&self) -> bool {
        const TOKENIZER_MESSAGES: [&str; 14] = [
            "unterminated string literal",
            "unterminated triple-quoted string literal",
            "invalid character",
            "invalid non-printable character",
            "invalid decimal literal",
            "invalid hexadecimal literal",
            "invalid octal literal",
            "invalid binary literal",
            "invalid digit",
            "leading zeros in decimal integer literals",
            "unmatched '",
            "closing parenthesis '",
            "unindent does not match",
            "unexpected character after line continuation",
        ];
        TOKENIZER_MESSAGES.iter().any(|m| self.msg.starts_with(m))
    }

    /// A colourful multi-line report for terminals (ariadne).
    pub fn render_fancy(&self, source: &SourceFile, color: bool) -> String {
        use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};
        let text = source.text.as_str();
        let start = floor_char_boundary(text, self.span.start as usize);
        let end = floor_char_boundary(text, self.span.end as usize).max(start);
        let name = source.name.clone();
        let report = Report::build(ReportKind::Error, (name.clone(), start..end))
            .with_config(
                Config::default()
                    .with_color(color)
                    .with_index_type(IndexType::Byte),
            )
            .with_message(format!("{}: {}", self.kind_name(), self.msg))
            .with_label(Label::new((name.clone(), start..end)).with_message(&self.msg))
            .finish();
        let mut buf = Vec::new();
        let cache = (name, Source::from(source.text.as_str()));
        if report.write(cache, &mut buf).is_err() {
            return self.render(source);
        }
        String::from_utf8_lossy(&buf).into_owned()
    }
}

/// The largest char boundary of `text` at or before `i`.
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind_name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str, start: usize, end: usize, msg: &str) -> String {
        SyntaxError::syntax(msg, Span::new(start, end)).render(&SourceFile::new("x.py", src))
    }

    #[test]
    fn compile_time_error_under_indented_line() {
        let src = "def f():\n    await asyncio.sleep(1)\n";
        assert_eq!(
            render(src, 13, 35, "'await' outside async function"),
            "  File \"x.py\", line 2\n    await asyncio.sleep(1)\n    ^^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: 'await' outside async function\n"
        );
    }

    #[test]
    fn multi_line_span_stops_at_end_of_first_line() {
        let src = "x = f(1,\n  2) = 3\n";
        assert_eq!(
            render(src, 4, 13, "cannot assign to function call"),
            "  File \"x.py\", line 1\n    x = f(1,\n        ^^^^\nSyntaxError: cannot assign to function call\n"
        );
    }

    #[test]
    fn odd_spans_do_not_panic() {
        let src = "s = 'é'\n";
        for (start, end) in [(5, 6), (6, 5), (100, 200), (0, 0), (9, 9)] {
            let text = render(src, start, end, "m");
            assert!(text.ends_with("SyntaxError: m\n"));
            let fancy = SyntaxError::syntax("m", Span::new(start, end))
                .render_fancy(&SourceFile::new("x.py", src), false);
            assert!(fancy.contains("SyntaxError: m"));
        }
    }

    #[test]
    fn past_end_shows_last_line_without_caret() {
        let src = "if x:\n";
        let e = SyntaxError::new(SyntaxErrorKind::IndentationError, "m", Span::new(7, 7));
        assert_eq!(
            e.render(&SourceFile::new("x.py", src)),
            "  File \"x.py\", line 1\n    if x:\nIndentationError: m\n"
        );
    }
}
