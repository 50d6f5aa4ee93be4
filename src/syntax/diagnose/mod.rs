//! Turns a parse failure into the SyntaxError CPython 3.11 would report:
//! tokenizer errors first, unclosed brackets, then specific messages for
//! common mistakes, else "invalid syntax" at the offending token.

use lalrpop_util::ParseError;

use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{line_of, Spanned};
use super::strings;
use super::token::Tok;
use crate::ast::Span;

mod walk;

use walk::{ends_operand, starts_operand};

type Failure = ParseError<usize, Tok, SyntaxError>;

pub fn explain(
    src: &str,
    toks: &[Spanned],
    lex_error: Option<SyntaxError>,
    unclosed: Option<(char, Span)>,
    failure: Failure,
) -> SyntaxError {
    // CPython tokenizes the rest of the file after a parse error, and a
    // tokenizer error found there wins.
    if let Some(e) = lex_error {
        return e;
    }
    // Where the parser stopped, which decides whether an unclosed bracket
    // is to blame.
    let (error, stop) = match failure {
        ParseError::User { error } => {
            let stop = error.span.start as usize;
            (error, stop)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let ctx = Context::new(src, toks, toks.len(), &expected);
            (ctx.at_eof(location), src.len())
        }
        ParseError::UnrecognizedToken { token, expected } => {
            let index = toks
                .iter()
                .position(|t| t.0 == token.0 && t.2 == token.2 && t.1 == token.1)
                .unwrap_or(toks.len());
            let ctx = Context::new(src, toks, index, &expected);
            (ctx.unexpected(token.0, &token.1, token.2), token.0)
        }
        ParseError::ExtraToken { token } => (invalid_syntax(Span::new(token.0, token.2)), token.0),
        ParseError::InvalidToken { location } => {
            (invalid_syntax(Span::new(location, location + 1)), location)
        }
    };
    if let Some((bracket, span)) = unclosed {
        if stop >= src.len() || line_of(src, stop) > line_of(src, span.start as usize) {
            return SyntaxError::syntax(format!("'{bracket}' was never closed"), span);
        }
    }
    error
}

fn invalid_syntax(span: Span) -> SyntaxError {
    SyntaxError::syntax("invalid syntax", span)
}

/// The failing token in its surroundings.
pub(super) struct Context<'a> {
    src: &'a str,
    pub(super) toks: &'a [Spanned],
    /// Index of the failing token in `toks` (`toks.len()` at end of input).
    index: usize,
    expected: Vec<String>,
}

impl<'a> Context<'a> {
    fn new(src: &'a str, toks: &'a [Spanned], index: usize, expected: &[String]) -> Self {
        let expected = expected
            .iter()
            .map(|e| e.trim_matches('"').replace("\\\"", "\""))
            .collect();
        Context {
            src,
            toks,
            index,
            expected,
        }
    }

    fn expects(&self, terminal: &str) -> bool {
        self.expected.iter().any(|e| e == terminal)
    }

    /// CPython reports errors at the end marker on the last line, without
    /// carets; `SyntaxError::render` shows a span past the end that way.
    fn past_end(&self) -> Span {
        Span::new(self.src.len() + 1, self.src.len() + 1)
    }

    fn in_fstring(&self) -> bool {
        matches!(self.toks.first(), Some((_, Tok::StartFString, _)))
    }

    fn at_eof(&self, location: usize) -> SyntaxError {
        if self.in_fstring() {
            return invalid_syntax(Span::new(location, location + 1));
        }
        let span = self.past_end();
        if self.expects("INDENT") {
            return self.expected_block(span);
        }
        if self.expects("except") && self.expects("finally") {
            return SyntaxError::syntax("expected 'except' or 'finally' block", span);
        }
        invalid_syntax(span)
    }

    fn unexpected(&self, l: usize, tok: &Tok, r: usize) -> SyntaxError {
        let at_end = *tok == Tok::Dedent && l >= self.src.len();
        let span = if at_end {
            self.past_end()
        } else {
            Span::new(l, r)
        };
        if let Some(e) = self.literal_error() {
            return e;
        }
        if *tok == Tok::Indent {
            return SyntaxError::new(SyntaxErrorKind::IndentationError, "unexpected indent", span);
        }
        if let Some(e) = self.match_statement() {
            return e;
        }
        if self.expects("INDENT") {
            let span = if at_end { span } else { Span::new(l, l + 1) };
            return self.expected_block(span);
        }
        if self.expects("except") && self.expects("finally") {
            return SyntaxError::syntax("expected 'except' or 'finally' block", span);
        }
        if *tok == Tok::Dedent {
            let msg = "unexpected unindent";
            return SyntaxError::new(SyntaxErrorKind::IndentationError, msg, span);
        }
        if self.expected == ["("] {
            return SyntaxError::syntax("expected '('", span);
        }
        if *tok == Tok::Equal {
            if let Some(e) = self.equal_in_expression() {
                return e;
            }
        }
        if *tok == Tok::ColonEqual {
            if let Some(e) = self.walrus_target() {
                return e;
            }
        }
        if let Some(e) = self.missing_value(tok) {
            return e;
        }
        if let Some(e) = self.unpacking_in_comprehension(tok) {
            return e;
        }
        if let Some(e) = self.starred_in_group(tok) {
            return e;
        }
        if let Some(e) = self.dict_key_without_colon(tok) {
            return e;
        }
        if self.wants_colon(tok) {
            let after_arrow = self.index > 0 && self.toks[self.index - 1].1 == Tok::Arrow;
            let span = if after_arrow {
                let (l, _, r) = &self.toks[self.index - 1];
                Span::new(*l, *r)
            } else {
                span
            };
            return SyntaxError::syntax("expected ':'", span);
        }
        if let Some(e) = self.legacy_print(tok) {
            return e;
        }
        if let Some(e) = self.unparenthesized_except(tok) {
            return e;
        }
        if self.expects("else") && *tok != Tok::Colon {
            if let Some(e) = self.if_without_else() {
                return e;
            }
        }
        if let Some(e) = self.missing_comma(tok) {
            return e;
        }
        invalid_syntax(span)
    }

    fn wants_colon(&self, tok: &Tok) -> bool {
        // `def f() -> :` — CPython gives up on the annotation and wants the colon.
        let after_arrow = self.index > 0 && self.toks[self.index - 1].1 == Tok::Arrow;
        if after_arrow
            && matches!(
                self.tok(self.line_start(self.index)),
                Some(Tok::Def | Tok::Async)
            )
        {
            return true;
        }
        if !self.expects(":") {
            return false;
        }
        let only_colon = self.expected.iter().all(|e| e == ":" || e == "->");
        let header = matches!(
            self.tok(self.line_start(self.index)),
            Some(
                Tok::If
                    | Tok::Elif
                    | Tok::Else
                    | Tok::While
                    | Tok::For
                    | Tok::Try
                    | Tok::Except
                    | Tok::Finally
                    | Tok::With
                    | Tok::Def
                    | Tok::Class
                    | Tok::Async
            )
        );
        only_colon || (header && *tok == Tok::Newline)
    }

    /// "expected an indented block after 'if' statement on line 3".
    fn expected_block(&self, span: Span) -> SyntaxError {
        // The header is the logical line ending with the NEWLINE before us.
        let header_end = self.index.saturating_sub(1);
        let start = self.line_start(header_end);
        let what = match (self.tok(start), self.tok(start + 1)) {
            (Some(Tok::If), _) => "'if' statement",
            (Some(Tok::Elif), _) => "'elif' statement",
            (Some(Tok::Else), _) => "'else' statement",
            (Some(Tok::While), _) => "'while' statement",
            (Some(Tok::For), _) | (Some(Tok::Async), Some(Tok::For)) => "'for' statement",
            (Some(Tok::With), _) | (Some(Tok::Async), Some(Tok::With)) => "'with' statement",
            (Some(Tok::Try), _) => "'try' statement",
            (Some(Tok::Except), Some(Tok::Star)) => "'except*' statement",
            (Some(Tok::Except), _) => "'except' statement",
            (Some(Tok::Finally), _) => "'finally' statement",
            (Some(Tok::Class), _) => "class definition",
            _ => "function definition",
        };
        let line = self.toks.get(start).map_or(1, |t| line_of(self.src, t.0));
        SyntaxError::new(
            SyntaxErrorKind::IndentationError,
            format!("expected an indented block after {what} on line {line}"),
            span,
        )
    }

    /// CPython decodes adjacent string literals as soon as it has read them,
    /// so their errors (bad f-strings, bytes mixed with str) come before a
    /// syntax error at the token after them.
    fn literal_error(&self) -> Option<SyntaxError> {
        let mut first = self.index;
        while first > 0 && matches!(self.toks[first - 1].1, Tok::Str(_)) {
            first -= 1;
        }
        let run: Vec<_> = self.toks[first..self.index]
            .iter()
            .filter_map(|(l, t, r)| match t {
                Tok::Str(lit) => Some((*l, *lit, *r)),
                _ => None,
            })
            .collect();
        if run.is_empty() {
            return None;
        }
        strings::concat(self.src, run).err()
    }

    /// `match x:` — recognised only to say that kairos does not support it.
    fn match_statement(&self) -> Option<SyntaxError> {
        let start = self.line_start(self.index);
        let (l, Tok::Name(name), r) = self.toks.get(start)? else {
            return None;
        };
        if name != "match" {
            return None;
        }
        let mut i = start;
        while i < self.toks.len() && self.toks[i].1 != Tok::Newline {
            i += 1;
        }
        let header_ends_with_colon = i > start + 1 && self.toks[i - 1].1 == Tok::Colon;
        let block_follows = matches!(self.tok(i + 1), Some(Tok::Indent));
        (header_ends_with_colon && block_follows).then(|| {
            SyntaxError::syntax(
                "kairos does not support the match statement",
                Span::new(*l, *r),
            )
        })
    }

    /// `f(x) := 1`: only a name can be the target of `:=`.
    fn walrus_target(&self) -> Option<SyntaxError> {
        let last = self.index.checked_sub(1)?;
        let start_index = self.operand_start_index(last)?;
        // `x := 1` as a statement is plain invalid syntax in CPython.
        if start_index == last && matches!(self.toks[last].1, Tok::Name(_)) {
            return None;
        }
        let what = if start_index != last && self.has_operator(start_index, last) {
            "expression"
        } else {
            match &self.toks[last].1 {
                Tok::Name(_) if last > 0 && self.toks[last - 1].1 == Tok::Dot => "attribute",
                Tok::Name(_) => "name",
                Tok::RPar => {
                    let open = self.matching_open(last)?;
                    if open > start_index {
                        "function call"
                    } else if (open..last).any(|j| self.toks[j].1 == Tok::Comma) || open + 1 == last
                    {
                        "tuple"
                    } else {
                        "expression"
                    }
                }
                Tok::RSqb => {
                    let open = self.matching_open(last)?;
                    if open > start_index {
                        "subscript"
                    } else {
                        "list"
                    }
                }
                Tok::RBrace => "dict literal",
                Tok::True => "True",
                Tok::False => "False",
                Tok::None => "None",
                Tok::Ellipsis => "ellipsis",
                _ => "literal",
            }
        };
        // `(a) := 1` names the parenthesised name itself.
        let (start, end) = match (&self.toks[start_index].1, what) {
            (Tok::LPar, "expression") if last == start_index + 2 => {
                (self.toks[start_index + 1].0, self.toks[start_index + 1].2)
            }
            _ => (self.toks[start_index].0, self.toks[last].2),
        };
        let what = if self.toks[start_index].1 == Tok::LPar
            && last == start_index + 2
            && matches!(self.toks[start_index + 1].1, Tok::Name(_))
        {
            "name"
        } else {
            what
        };
        Some(SyntaxError::syntax(
            format!("cannot use assignment expressions with {what}"),
            Span::new(start, end),
        ))
    }

    /// `{1:}` and `def f(x=):` — a value is missing after `:` or `=`.
    fn missing_value(&self, tok: &Tok) -> Option<SyntaxError> {
        let prev = self.index.checked_sub(1)?;
        let (l, prev_tok, r) = &self.toks[prev];
        if !matches!(tok, Tok::Comma | Tok::RBrace | Tok::RPar) {
            return None;
        }
        let open = self.innermost_open(self.index)?;
        let msg = match (prev_tok, &self.toks[open].1) {
            (Tok::Colon, Tok::LBrace) => "expression expected after dictionary key and ':'",
            (Tok::Equal, Tok::LPar) if self.is_parameter_list(open) => {
                "expected default value expression"
            }
            _ => return None,
        };
        Some(SyntaxError::syntax(msg, Span::new(*l, *r)))
    }

    /// `[*a for a in b]` / `{**a for a in b}`.
    fn unpacking_in_comprehension(&self, tok: &Tok) -> Option<SyntaxError> {
        if !matches!(tok, Tok::For | Tok::Async) {
            return None;
        }
        let open = self.innermost_open(self.index)?;
        let (l, star, _) = self.toks.get(open + 1)?;
        let (msg, end) = match (star, &self.toks[open].1) {
            (Tok::Star, _) => (
                "iterable unpacking cannot be used in comprehension",
                self.toks[self.index - 1].2,
            ),
            (Tok::DoubleStar, Tok::LBrace) => {
                ("dict unpacking cannot be used in dict comprehension", l + 2)
            }
            _ => return None,
        };
        Some(SyntaxError::syntax(msg, Span::new(*l, end)))
    }

    /// `except A, B:` (Python 2 style, or a tuple without parentheses).
    fn unparenthesized_except(&self, tok: &Tok) -> Option<SyntaxError> {
        let start = self.line_start(self.index);
        if *tok != Tok::Comma
            || self.tok(start) != Some(&Tok::Except)
            || self.innermost_open(self.index).is_some_and(|o| o > start)
        {
            return None;
        }
        let first = if self.tok(start + 1) == Some(&Tok::Star) {
            start + 2
        } else {
            start + 1
        };
        let mut end = self.index;
        while end + 1 < self.toks.len()
            && !matches!(self.toks[end + 1].1, Tok::Colon | Tok::Newline | Tok::As)
        {
            end += 1;
        }
        Some(SyntaxError::syntax(
            "multiple exception types must be parenthesized",
            Span::new(self.toks.get(first)?.0, self.toks[end].2),
        ))
    }

    /// `(*a)`: a starred expression in parentheses without a comma.
    fn starred_in_group(&self, tok: &Tok) -> Option<SyntaxError> {
        if *tok != Tok::RPar {
            return None;
        }
        let open = self.innermost_open(self.index)?;
        let is_group =
            self.toks[open].1 == Tok::LPar && (open == 0 || !ends_operand(&self.toks[open - 1].1));
        let (l, star, _) = self.toks.get(open + 1)?;
        if !is_group || *star != Tok::Star {
            return None;
        }
        Some(SyntaxError::syntax(
            "cannot use starred expression here",
            Span::new(*l, self.toks[self.index - 1].2),
        ))
    }

    /// `{"a": 1, "b" 2}`: inside a dict display only a `:` may follow a key.
    fn dict_key_without_colon(&self, tok: &Tok) -> Option<SyntaxError> {
        if !self.expects(":") || self.expects("}") || self.expects(",") || *tok == Tok::Colon {
            return None;
        }
        let open = self.innermost_open(self.index)?;
        if self.toks[open].1 != Tok::LBrace
            || *tok == Tok::RBrace && self.tok(self.index - 1) == Some(&Tok::Colon)
        {
            return None;
        }
        let key_end = self.toks[self.index.checked_sub(1)?].2;
        Some(SyntaxError::syntax(
            "':' expected after dictionary key",
            Span::new(key_end - 1, key_end),
        ))
    }

    /// `print "hello"`: CPython's hint for Python 2 statements.
    fn legacy_print(&self, tok: &Tok) -> Option<SyntaxError> {
        let prev = self.index.checked_sub(1)?;
        let Some(Tok::Name(name)) = self.tok(prev) else {
            return None;
        };
        if name != "print" && name != "exec" {
            return None;
        }
        if prev > 0 && self.tok(prev - 1) == Some(&Tok::Dot) {
            return None;
        }
        if !starts_operand(tok) {
            return None;
        }
        let end = self.expression_end(self.index, true)?;
        Some(SyntaxError::syntax(
            format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"),
            Span::new(self.toks[prev].0, end),
        ))
    }

    /// `if x = 1:` — a lone `=` after a name where an expression goes on.
    fn equal_in_expression(&self) -> Option<SyntaxError> {
        let prev = self.index.checked_sub(1)?;
        let Some(Tok::Name(_)) = self.tok(prev) else {
            return None;
        };
        if prev > 0 && matches!(self.tok(prev - 1), Some(Tok::Dot)) {
            return None;
        }
        let end = self.expression_end(self.index + 1, false)?;
        if matches!(
            self.tok(self.next_after(self.index + 1)?),
            Some(Tok::Equal | Tok::ColonEqual)
        ) {
            return None;
        }
        Some(SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            Span::new(self.toks[prev].0, end),
        ))
    }

    /// `x = 1 if y` without `else`.
    fn if_without_else(&self) -> Option<SyntaxError> {
        let if_index = (0..self.index).rev().find(|&i| self.toks[i].1 == Tok::If)?;
        let start = self.operand_start(if_index.checked_sub(1)?)?;
        let end = self.toks[self.index.checked_sub(1)?].2;
        Some(SyntaxError::syntax(
            "expected 'else' after 'if' expression",
            Span::new(start, end),
        ))
    }

    /// `[a b]` inside brackets: "Perhaps you forgot a comma?".
    fn missing_comma(&self, tok: &Tok) -> Option<SyntaxError> {
        let prev = self.index.checked_sub(1)?;
        let open = self.innermost_open(self.index);
        let inside = open.is_some() || self.in_fstring();
        if !inside || open.is_some_and(|o| self.is_parameter_list(o)) {
            return None;
        }
        if !ends_operand(&self.toks[prev].1) {
            return None;
        }
        if !starts_operand(tok) {
            return None;
        }
        if matches!(tok, Tok::Str(_)) && matches!(self.toks[prev].1, Tok::Name(_)) {
            return None;
        }
        let start = self.operand_start(prev)?;
        let end = self.expression_end(self.index, false)?;
        Some(SyntaxError::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            Span::new(start, end),
        ))
    }
}
