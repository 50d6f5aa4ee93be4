//! The indentation-aware lexer: turns logos tokens into the stream the
//! grammar expects (NEWLINE only at the end of logical lines, INDENT/DEDENT
//! from an indentation stack, brackets matched), with CPython's messages for
//! layout errors.

use logos::Logos;

use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{LexError, Tok};
use crate::ast::Span;

/// CPython's tokenizer limits (MAXLEVEL, MAXINDENT), which also keep the
/// syntax tree shallow enough for recursive passes.
const MAX_BRACKET_DEPTH: usize = 200;
const MAX_INDENT_DEPTH: usize = 100;

/// A token with its byte range in the whole file, as lalrpop wants it.
pub type Spanned = (usize, Tok, usize);

/// Everything the tokenizer found: tokens up to the first lexing error.
#[derive(Debug)]
pub struct Tokens {
    pub toks: Vec<Spanned>,
    /// The first tokenizer error; tokens stop just before it.
    pub error: Option<SyntaxError>,
    /// The innermost bracket still open at the end of input.
    pub unclosed: Option<(char, Span)>,
}

/// What the token stream is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A whole file, with layout.
    Module,
    /// The expression part of an f-string replacement field, which CPython
    /// parses as if it were parenthesised: newlines are insignificant.
    FStringExpr,
}

/// One indentation level: CPython compares columns with tabs expanded to 8
/// and to 1, and calls the two disagreeing a TabError.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Indentation {
    col: usize,
    alt_col: usize,
}

/// Tokenizes `src[range]`; token offsets are positions in the whole `src`.
pub fn tokenize(src: &str, start: usize, end: usize, mode: Mode) -> Tokens {
    let mut layout = Layout {
        src,
        mode,
        toks: Vec::new(),
        brackets: Vec::new(),
        indents: vec![Indentation { col: 0, alt_col: 0 }],
        at_line_start: true,
    };
    layout.toks.push(match mode {
        Mode::Module => (start, Tok::StartModule, start),
        Mode::FStringExpr => (start, Tok::StartFString, start),
    });
    // A UTF-8 byte order mark at the start of a file is not source text.
    let start = if mode == Mode::Module && src[start..end].starts_with('\u{feff}') {
        start + '\u{feff}'.len_utf8()
    } else {
        start
    };
    let error = layout.run(start, end).err();
    let unclosed = layout.brackets.last().copied();
    if error.is_none() {
        layout.finish(end);
    }
    Tokens {
        toks: layout.toks,
        error,
        unclosed,
    }
}

struct Layout<'s> {
    src: &'s str,
    mode: Mode,
    toks: Vec<Spanned>,
    brackets: Vec<(char, Span)>,
    indents: Vec<Indentation>,
    at_line_start: bool,
}

impl Layout<'_> {
    fn run(&mut self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let text = &self.src[start..end];
        let mut lexer = Tok::lexer(text);
        while let Some(result) = lexer.next() {
            let span = lexer.span();
            let (l, r) = (span.start + start, span.end + start);
            let tok = result.map_err(|e| self.lex_error(e, start, l))?;
            self.push(l, tok, r)?;
        }
        Ok(())
    }

    fn lex_error(&self, e: LexError, base: usize, at: usize) -> SyntaxError {
        if !e.msg.is_empty() {
            return SyntaxError::syntax(e.msg, Span::new(e.start + base, e.end + base));
        }
        let c = self.src[at..].chars().next().unwrap_or('\0');
        let msg = if c == '\0' {
            "source code cannot contain null bytes".to_owned()
        } else if c.is_control() {
            format!("invalid non-printable character U+{:04X}", c as u32)
        } else {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        };
        SyntaxError::syntax(msg, Span::new(at, at + 1))
    }

    fn push(&mut self, l: usize, tok: Tok, r: usize) -> Result<(), SyntaxError> {
        if tok == Tok::Newline {
            if !self.brackets.is_empty() || self.at_line_start || self.mode == Mode::FStringExpr {
                return Ok(());
            }
            self.at_line_start = true;
            self.toks.push((l, tok, r));
            return Ok(());
        }
        if self.at_line_start && self.brackets.is_empty() && self.mode == Mode::Module {
            self.indent_to(l)?;
        }
        self.at_line_start = false;
        match &tok {
            Tok::Backslash => return Err(self.backslash_error(r)),
            Tok::Name(name) => check_identifier(name, l)?,
            _ => {}
        }
        if let Some(open) = tok.opening_bracket() {
            if self.brackets.len() >= MAX_BRACKET_DEPTH {
                return Err(SyntaxError::syntax(
                    "too many nested parentheses",
                    Span::new(l, r),
                ));
            }
            self.brackets.push((open, Span::new(l, r)));
        } else if let Some(close) = tok.closing_bracket() {
            self.close_bracket(close, l, r)?;
        }
        self.toks.push((l, tok, r));
        Ok(())
    }

    fn backslash_error(&self, after: usize) -> SyntaxError {
        let span = Span::new(after, after + 1);
        if after >= self.src.len() {
            SyntaxError::syntax("unexpected EOF while parsing", span)
        } else {
            SyntaxError::syntax(
                "unexpected character after line continuation character",
                span,
            )
        }
    }

    fn close_bracket(&mut self, close: char, l: usize, r: usize) -> Result<(), SyntaxError> {
        let span = Span::new(l, r);
        let Some((open, open_span)) = self.brackets.pop() else {
            return Err(SyntaxError::syntax(format!("unmatched '{close}'"), span));
        };
        let expected = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        if close == expected {
            return Ok(());
        }
        let open_line = line_of(self.src, open_span.start as usize);
        let close_line = line_of(self.src, l);
        let msg = if open_line == close_line {
            format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
        } else {
            format!(
                "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}"
            )
        };
        Err(SyntaxError::syntax(msg, span))
    }

    /// Handles the indentation of a logical line whose first token starts at `at`.
    fn indent_to(&mut self, at: usize) -> Result<(), SyntaxError> {
        let line_start = self.src[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let mut indent = Indentation { col: 0, alt_col: 0 };
        for c in self.src[line_start..at].chars() {
            match c {
                ' ' => {
                    indent.col += 1;
                    indent.alt_col += 1;
                }
                '\t' => {
                    indent.col = (indent.col / 8 + 1) * 8;
                    indent.alt_col += 1;
                }
                '\x0c' => indent = Indentation { col: 0, alt_col: 0 },
                _ => {}
            }
        }
        let tab_error = || {
            SyntaxError::new(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                Span::new(line_start, line_start),
            )
        };
        let top = *self
            .indents
            .last()
            .unwrap_or(&Indentation { col: 0, alt_col: 0 });
        if indent.col == top.col {
            if indent.alt_col != top.alt_col {
                return Err(tab_error());
            }
        } else if indent.col > top.col {
            if indent.alt_col <= top.alt_col {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    Span::new(line_start, line_start),
                ));
            }
            self.indents.push(indent);
            self.toks.push((line_start, Tok::Indent, at));
        } else {
            while self.indents.len() > 1 && indent.col < self.indents[self.indents.len() - 1].col {
                self.indents.pop();
                self.toks.push((at, Tok::Dedent, at));
            }
            let top = self.indents[self.indents.len() - 1];
            if indent.col != top.col {
                let line_end = self.src[at..]
                    .find(['\n', '\r'])
                    .map_or(self.src.len(), |i| at + i);
                return Err(SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    Span::new(line_end, line_end),
                ));
            }
            if indent.alt_col != top.alt_col {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// Closes the last logical line and all open blocks at end of input.
    fn finish(&mut self, end: usize) {
        if self.mode != Mode::Module {
            return;
        }
        let last_is_line_end = matches!(
            self.toks.last(),
            Some((_, Tok::Newline | Tok::StartModule, _))
        );
        if !last_is_line_end {
            self.toks.push((end, Tok::Newline, end));
        }
        for _ in 1..self.indents.len() {
            self.toks.push((end, Tok::Dedent, end));
        }
    }
}

/// Rejects identifiers containing characters Python does not allow in names.
fn check_identifier(name: &str, at: usize) -> Result<(), SyntaxError> {
    for (i, c) in name.char_indices() {
        let ok = c.is_ascii() || c.is_alphabetic() || (i > 0 && c.is_alphanumeric()) || c == '_';
        if !ok {
            let start = at + i;
            let msg = if c.is_control() {
                format!("invalid non-printable character U+{:04X}", c as u32)
            } else {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            };
            return Err(SyntaxError::syntax(
                msg,
                Span::new(start, start + c.len_utf8()),
            ));
        }
    }
    Ok(())
}

/// 1-based line number of `offset`.
pub fn line_of(src: &str, offset: usize) -> usize {
    let prefix = &src.as_bytes()[..offset.min(src.len())];
    let mut line = 1;
    for (i, &b) in prefix.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && prefix.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let t = tokenize(src, 0, src.len(), Mode::Module);
        assert!(t.error.is_none(), "{:?}", t.error);
        t.toks.into_iter().map(|(_, tok, _)| tok).collect()
    }

    fn error(src: &str) -> SyntaxError {
        tokenize(src, 0, src.len(), Mode::Module)
            .error
            .expect("an error")
    }

    #[test]
    fn indent_and_dedent() {
        use Tok::*;
        let toks = kinds("if x:\n    y\n\n  # c\n    z\nw\n");
        let name = |s: &str| Name(s.to_owned());
        assert_eq!(
            toks,
            vec![
                StartModule,
                If,
                name("x"),
                Colon,
                Newline,
                Indent,
                name("y"),
                Newline,
                name("z"),
                Newline,
                Dedent,
                name("w"),
                Newline
            ]
        );
    }

    #[test]
    fn brackets_hide_newlines_and_eof_closes_blocks() {
        use Tok::*;
        let toks = kinds("f(a,\n  b)\nif y:\n  z");
        assert_eq!(toks.iter().filter(|t| **t == Newline).count(), 3);
        assert_eq!(toks.last(), Some(&Dedent));
        assert!(kinds("x = 1 + \\\n  2").iter().all(|t| *t != Indent));
    }

    #[test]
    fn layout_errors() {
        assert_eq!(
            error("if x:\n    a\n  b").msg,
            "unindent does not match any outer indentation level"
        );
        assert_eq!(
            error("if x:\n\tpass\n        pass").kind,
            SyntaxErrorKind::TabError
        );
        assert_eq!(error("a )").msg, "unmatched ')'");
        assert_eq!(
            error("(a ]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(
            error("x = a \u{2192} b").msg,
            "invalid character '\u{2192}' (U+2192)"
        );
        let t = tokenize("x = (1,\n", 0, 8, Mode::Module);
        assert_eq!(t.unclosed.map(|u| u.0), Some('('));
    }
}
