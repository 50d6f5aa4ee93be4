//! Turns a parse failure into the SyntaxError CPython 3.11 would report:
//! tokenizer errors first, unclosed brackets, then specific messages for
//! common mistakes, else "invalid syntax" at the offending token.

use lalrpop_util::ParseError;

use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{line_of, Spanned};
use super::strings;
use super::token::Tok;
use crate::ast::Span;

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
struct Context<'a> {
    src: &'a str,
    toks: &'a [Spanned],
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

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i).map(|t| &t.1)
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

    /// Index of the first token of the logical line containing `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut s = i.min(self.toks.len());
        while s > 0
            && !matches!(
                self.toks[s - 1].1,
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartModule | Tok::StartFString
            )
        {
            s -= 1;
        }
        s
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

    /// Whether a binary operator sits at the top level of tokens `from..=to`.
    fn has_operator(&self, from: usize, to: usize) -> bool {
        let mut depth = 0usize;
        for i in from..=to {
            let t = &self.toks[i].1;
            if t.opening_bracket().is_some() {
                depth += 1;
            } else if t.closing_bracket().is_some() {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && i > from && is_binary_operator(t) {
                return true;
            }
        }
        false
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

    /// Whether the `(` at `open` starts a `def` parameter list.
    fn is_parameter_list(&self, open: usize) -> bool {
        open >= 2
            && matches!(self.toks[open - 1].1, Tok::Name(_))
            && self.toks[open - 2].1 == Tok::Def
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

    /// Index of the innermost bracket still open before token `i`.
    fn innermost_open(&self, i: usize) -> Option<usize> {
        let mut open = Vec::new();
        for (j, (_, t, _)) in self.toks[..i.min(self.toks.len())].iter().enumerate() {
            if t.opening_bracket().is_some() {
                open.push(j);
            } else if t.closing_bracket().is_some() {
                open.pop();
            }
        }
        open.pop()
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

    /// Index just after the expression starting at `i`.
    fn next_after(&self, i: usize) -> Option<usize> {
        let end = self.expression_end(i, false)?;
        Some(
            self.toks
                .iter()
                .position(|t| t.0 >= end && t.2 > t.0)
                .unwrap_or(self.toks.len()),
        )
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

    /// Start offset of the `disjunction` that ends with token `last`.
    fn operand_start(&self, last: usize) -> Option<usize> {
        self.operand_start_index(last).map(|i| self.toks[i].0)
    }

    /// Index of the first token of the `disjunction` that ends with token
    /// `last`: primaries (atoms with trailers) joined by binary operators,
    /// each possibly behind prefix operators.
    fn operand_start_index(&self, last: usize) -> Option<usize> {
        let mut i = last;
        self.toks.get(i)?;
        loop {
            // Back over one primary.
            loop {
                let t = &self.toks[i].1;
                if t.closing_bracket().is_some() {
                    i = self.matching_open(i)?;
                    let is_trailer =
                        i > 0 && ends_operand(&self.toks[i - 1].1) && self.toks[i].1 != Tok::LBrace;
                    if is_trailer {
                        i -= 1;
                        continue;
                    }
                } else if matches!(t, Tok::Name(_)) && i >= 2 && self.toks[i - 1].1 == Tok::Dot {
                    i -= 2;
                    continue;
                } else if matches!(t, Tok::Str(_)) {
                    while i > 0 && matches!(self.toks[i - 1].1, Tok::Str(_)) {
                        i -= 1;
                    }
                }
                break;
            }
            // Prefix operators: `-x`, `not x`, `await x`.
            while i > 0 && self.is_prefix_at(i - 1) {
                i -= 1;
            }
            // A binary operator joins it to an earlier operand.
            let Some(op) = i.checked_sub(1) else {
                return Some(i);
            };
            let op_len = match (&self.toks[op].1, op.checked_sub(1).map(|j| &self.toks[j].1)) {
                (Tok::In, Some(Tok::Not)) => 2,
                (t, _) if is_binary_operator(t) => 1,
                _ => return Some(i),
            };
            match (op + 1).checked_sub(op_len + 1) {
                Some(before) if ends_operand(&self.toks[before].1) => i = before,
                _ => return Some(i),
            }
        }
    }

    /// Whether token `i` is a prefix (unary) operator.
    fn is_prefix_at(&self, i: usize) -> bool {
        match self.toks[i].1 {
            Tok::Not | Tok::Await | Tok::Tilde => true,
            Tok::Minus | Tok::Plus => i == 0 || !ends_operand(&self.toks[i - 1].1),
            _ => false,
        }
    }

    fn matching_open(&self, close: usize) -> Option<usize> {
        let mut depth = 0usize;
        for i in (0..=close).rev() {
            let t = &self.toks[i].1;
            if t.closing_bracket().is_some() {
                depth += 1;
            } else if t.opening_bracket().is_some() {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    fn matching_close(&self, open: usize) -> Option<usize> {
        let mut depth = 0usize;
        for i in open..self.toks.len() {
            let t = &self.toks[i].1;
            if t.opening_bracket().is_some() {
                depth += 1;
            } else if t.closing_bracket().is_some() {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    /// End offset of the expression starting at token `i` (operands joined
    /// by binary operators, with trailers); with `commas`, a tuple of them.
    fn expression_end(&self, mut i: usize, commas: bool) -> Option<usize> {
        let mut end = None;
        loop {
            // Prefix operators.
            while matches!(
                self.tok(i),
                Some(Tok::Not | Tok::Minus | Tok::Plus | Tok::Tilde | Tok::Await)
            ) {
                i += 1;
            }
            let t = self.tok(i)?;
            if t.opening_bracket().is_some() {
                i = self.matching_close(i)?;
            } else if matches!(t, Tok::Str(_)) {
                while matches!(self.tok(i + 1), Some(Tok::Str(_))) {
                    i += 1;
                }
            } else if !ends_operand(t) {
                return end;
            }
            end = Some(self.toks[i].2);
            i += 1;
            // Trailers.
            loop {
                match self.tok(i) {
                    Some(Tok::Dot) if matches!(self.tok(i + 1), Some(Tok::Name(_))) => {
                        end = Some(self.toks[i + 1].2);
                        i += 2;
                    }
                    Some(Tok::LPar | Tok::LSqb) => {
                        i = self.matching_close(i)?;
                        end = Some(self.toks[i].2);
                        i += 1;
                    }
                    _ => break,
                }
            }
            match self.tok(i) {
                Some(t) if is_binary_operator(t) => i += 1,
                Some(Tok::Comma) if commas => i += 1,
                _ => return end,
            }
        }
    }
}

/// Tokens that can end an operand.
fn ends_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    )
}

/// Tokens that can start an operand.
fn starts_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Lambda
            | Tok::Not
            | Tok::Await
            | Tok::Tilde
    )
}

fn is_binary_operator(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::DoubleStar
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Amper
            | Tok::VBar
            | Tok::Circumflex
            | Tok::Less
            | Tok::Greater
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::In
            | Tok::Is
            | Tok::Not
            | Tok::And
            | Tok::Or
    )
}
