//! Raw Python tokens, recognised by `logos`. Layout (INDENT/DEDENT, which
//! newlines count) is decided later by the indentation-aware lexer.

use logos::{Lexer, Logos};

/// A lexing failure inside one token, with CPython's wording. Offsets are
/// relative to the text handed to logos.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LexError {
    pub msg: String,
    pub start: usize,
    pub end: usize,
}

impl LexError {
    fn at(msg: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            msg: msg.into(),
            start,
            end,
        }
    }
}

/// What kind of string literal a token is; its text is looked up by span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrLit {
    pub is_bytes: bool,
    pub is_raw: bool,
    pub is_fstring: bool,
    /// Bytes of prefix letters before the opening quote.
    pub prefix_len: u8,
    /// 1 or 3.
    pub quote_len: u8,
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip r"#[^\r\n]*")]
#[logos(skip r"\\(\r\n|\n|\r)")]
pub enum Tok {
    // Synthetic tokens, produced by the layout lexer, never by logos.
    /// Selects the whole-module grammar.
    StartModule,
    /// Selects the f-string replacement-field grammar.
    StartFString,
    Indent,
    Dedent,
    /// The parentheses grouping `with` items (`with (a as b, c):`).
    WithLPar,
    WithRPar,

    #[regex(r"\r\n|\n|\r")]
    Newline,
    #[token("\\")]
    Backslash,
    /// `$`, `?`, `` ` ``, `!`: always a syntax error where the parser meets it.
    #[regex(r"[$?`!]")]
    Unknown,

    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", |lex| lex.slice().to_owned())]
    Name(String),
    /// Only a trigger: its callback scans the literal and yields Int or Float.
    #[regex(r"[0-9]", lex_number)]
    #[regex(r"\.[0-9]", lex_number)]
    Number,
    Int(String),
    Float(f64),
    #[regex(r#"([rR]?[bBfF]?|[bBfF][rR]|[uU])['"]"#, lex_string)]
    Str(StrLit),

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("=")]
    Equal,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("&")]
    Amper,
    #[token("|")]
    VBar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
}

impl Tok {
    /// Whether this token opens a bracket, and which closing char matches it.
    pub fn opening_bracket(&self) -> Option<char> {
        match self {
            Tok::LPar | Tok::WithLPar => Some('('),
            Tok::LSqb => Some('['),
            Tok::LBrace => Some('{'),
            _ => None,
        }
    }

    pub fn closing_bracket(&self) -> Option<char> {
        match self {
            Tok::RPar | Tok::WithRPar => Some(')'),
            Tok::RSqb => Some(']'),
            Tok::RBrace => Some('}'),
            _ => None,
        }
    }
}

/// Scans a string literal whose prefix and opening quote logos matched.
fn lex_string(lex: &mut Lexer<Tok>) -> Result<StrLit, LexError> {
    let start = lex.span().start;
    let matched = lex.slice();
    let quote = matched.as_bytes()[matched.len() - 1];
    let prefix = &matched[..matched.len() - 1];
    let lower = prefix.to_ascii_lowercase();
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut lit = StrLit {
        is_bytes: lower.contains('b'),
        is_raw: lower.contains('r'),
        is_fstring: lower.contains('f'),
        prefix_len: prefix.len() as u8,
        quote_len: if triple { 3 } else { 1 },
    };
    let body_start = if triple { 2 } else { 0 };
    let mut i = body_start;
    loop {
        let Some(&c) = rest.get(i) else {
            let line = line_number(
                lex.source(),
                lex.source().len().saturating_sub(1).max(start),
            );
            let what = if triple {
                "triple-quoted string literal"
            } else {
                "string literal"
            };
            return Err(LexError::at(
                format!("unterminated {what} (detected at line {line})"),
                start,
                start + 1,
            ));
        };
        match c {
            b'\\' => {
                i += if rest[i + 1..].starts_with(b"\r\n") {
                    3
                } else {
                    2
                }
            }
            b'\n' | b'\r' if !triple => {
                let line = line_number(lex.source(), lex.span().end + i);
                return Err(LexError::at(
                    format!("unterminated string literal (detected at line {line})"),
                    start,
                    start + 1,
                ));
            }
            c if c == quote => {
                if !triple {
                    i += 1;
                    break;
                }
                if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                    i += 3;
                    break;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    lex.bump(i.min(rest.len()));
    lit.prefix_len = prefix.len() as u8;
    Ok(lit)
}

/// 1-based line number of byte `offset` in `text`.
fn line_number(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut line = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// Scans a numeric literal the way CPython's tokenizer does, with its error
/// messages and error positions; logos matched only its first character(s).
fn lex_number(lex: &mut Lexer<Tok>) -> Result<Tok, LexError> {
    let start = lex.span().start;
    let text_src = lex.source();
    let mut scanner = NumberScanner {
        text_src,
        src: text_src.as_bytes(),
        pos: start,
    };
    let tok = scanner.scan()?;
    lex.bump(scanner.pos - lex.span().end);
    Ok(tok)
}

struct NumberScanner<'a> {
    text_src: &'a str,
    src: &'a [u8],
    pos: usize,
}

impl NumberScanner<'_> {
    fn peek(&self) -> u8 {
        self.src.get(self.pos).copied().unwrap_or(0)
    }

    fn peek_at(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    /// CPython reports tokenizer errors one character before its cursor.
    fn error_before(&self, msg: impl Into<String>) -> LexError {
        let at = self.pos.saturating_sub(1);
        LexError::at(msg, at, at + 1)
    }

    fn text(&self, start: usize) -> String {
        self.src[start..self.pos]
            .iter()
            .filter(|&&b| b != b'_')
            .map(|&b| b as char)
            .collect()
    }

    fn scan(&mut self) -> Result<Tok, LexError> {
        let start = self.pos;
        if self.peek() == b'.' {
            self.pos += 1;
            return self.fraction(start);
        }
        if self.peek() == b'0' {
            let radix = match self.peek_at(1) {
                b'x' | b'X' => Some((16, "hexadecimal")),
                b'o' | b'O' => Some((8, "octal")),
                b'b' | b'B' => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, kind)) = radix {
                self.pos += 2;
                return self.radix_int(radix, kind);
            }
            return self.leading_zero(start);
        }
        self.decimal_tail()?;
        self.after_integer_part(start)
    }

    /// Digits with single underscores between them.
    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.error_before("invalid decimal literal"));
            }
        }
    }

    fn after_integer_part(&mut self, start: usize) -> Result<Tok, LexError> {
        match self.peek() {
            b'.' => {
                self.pos += 1;
                self.fraction(start)
            }
            b'e' | b'E' => self.exponent(start),
            b'j' | b'J' => self.imaginary(start),
            _ => {
                self.verify_end("decimal")?;
                Ok(Tok::Int(self.text(start)))
            }
        }
    }

    fn leading_zero(&mut self, start: usize) -> Result<Tok, LexError> {
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.error_before("invalid decimal literal"));
                }
            }
            if self.peek() != b'0' {
                break;
            }
            self.pos += 1;
        }
        let zeros_end = self.pos;
        let nonzero = self.peek().is_ascii_digit();
        if nonzero {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'.' | b'e' | b'E' | b'j' | b'J' => self.after_integer_part(start),
            _ if nonzero => Err(LexError::at(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                start,
                zeros_end,
            )),
            _ => {
                self.verify_end("decimal")?;
                Ok(Tok::Int("0".to_owned()))
            }
        }
    }

    fn radix_int(&mut self, radix: u32, kind: &str) -> Result<Tok, LexError> {
        let digits_start = self.pos;
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
            }
            let c = self.peek();
            if !(c as char).is_digit(radix) {
                if radix != 16 && c.is_ascii_digit() {
                    self.pos += 1;
                    return Err(self
                        .error_before(format!("invalid digit '{}' in {kind} literal", c as char)));
                }
                return Err(self.error_before(format!("invalid {kind} literal")));
            }
            while (self.peek() as char).is_digit(radix) {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        let c = self.peek();
        if radix != 16 && c.is_ascii_digit() {
            self.pos += 1;
            return Err(
                self.error_before(format!("invalid digit '{}' in {kind} literal", c as char))
            );
        }
        self.verify_end(kind)?;
        Ok(Tok::Int(radix_to_decimal(&self.text(digits_start), radix)))
    }

    fn fraction(&mut self, start: usize) -> Result<Tok, LexError> {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(start),
            b'j' | b'J' => self.imaginary(start),
            _ => {
                self.verify_end("decimal")?;
                self.float(start)
            }
        }
    }

    fn exponent(&mut self, start: usize) -> Result<Tok, LexError> {
        let e_pos = self.pos;
        self.pos += 1;
        match self.peek() {
            b'+' | b'-' => {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.error_before("invalid decimal literal"));
                }
            }
            c if !c.is_ascii_digit() => {
                // `1else`: the `e` starts a keyword, not an exponent.
                self.pos = e_pos;
                self.verify_end("decimal")?;
                return self.float_or_int(start);
            }
            _ => {}
        }
        self.decimal_tail()?;
        if matches!(self.peek(), b'j' | b'J') {
            return self.imaginary(start);
        }
        self.verify_end("decimal")?;
        self.float(start)
    }

    fn imaginary(&mut self, start: usize) -> Result<Tok, LexError> {
        self.pos += 1;
        self.verify_end("imaginary")?;
        Err(LexError::at(
            "complex numbers are not supported by kairos",
            start,
            self.pos,
        ))
    }

    fn float_or_int(&mut self, start: usize) -> Result<Tok, LexError> {
        let text = self.text(start);
        if text.contains('.') {
            self.float(start)
        } else {
            Ok(Tok::Int(text.trim_start_matches('0').to_owned()).normalize_zero())
        }
    }

    fn float(&mut self, start: usize) -> Result<Tok, LexError> {
        let text = self.text(start);
        let value: f64 = text
            .parse()
            .map_err(|_| LexError::at("invalid decimal literal", start, self.pos))?;
        Ok(Tok::Float(value))
    }

    /// CPython 3.11's `verify_end_of_number`: a literal may touch a few
    /// keywords (`1if x else 2`) but no other identifier character.
    fn verify_end(&mut self, kind: &str) -> Result<(), LexError> {
        let rest = &self.src[self.pos..];
        const KEYWORDS: [&[u8]; 7] = [b"and", b"else", b"for", b"if", b"in", b"is", b"or"];
        if KEYWORDS.iter().any(|k| rest.starts_with(k)) || rest.starts_with(b"not") {
            return Ok(());
        }
        match self.text_src[self.pos..].chars().next() {
            Some(c) if c == '_' || c.is_alphanumeric() || (c as u32) >= 0x80 => {
                Err(self.error_before(format!("invalid {kind} literal")))
            }
            _ => Ok(()),
        }
    }
}

impl Tok {
    fn normalize_zero(self) -> Tok {
        match self {
            Tok::Int(s) if s.is_empty() => Tok::Int("0".to_owned()),
            other => other,
        }
    }
}

/// Converts digits in `radix` to decimal digits, for any length.
fn radix_to_decimal(digits: &str, radix: u32) -> String {
    // Little-endian limbs in base 10^9.
    const BASE: u64 = 1_000_000_000;
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let mut carry = c.to_digit(radix).unwrap_or(0) as u64;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    let mut out = limbs.last().copied().unwrap_or(0).to_string();
    for limb in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(src: &str) -> Vec<Result<Tok, LexError>> {
        Tok::lexer(src).collect()
    }

    #[test]
    fn numbers() {
        assert_eq!(lex("0xff"), vec![Ok(Tok::Int("255".into()))]);
        assert_eq!(lex("1_000"), vec![Ok(Tok::Int("1000".into()))]);
        assert_eq!(lex("0b1010"), vec![Ok(Tok::Int("10".into()))]);
        assert_eq!(lex("0o17"), vec![Ok(Tok::Int("15".into()))]);
        assert_eq!(lex("000"), vec![Ok(Tok::Int("0".into()))]);
        assert_eq!(lex("1_000.5"), vec![Ok(Tok::Float(1000.5))]);
        assert_eq!(lex(".5e1"), vec![Ok(Tok::Float(5.0))]);
        assert_eq!(lex("1."), vec![Ok(Tok::Float(1.0))]);
        assert_eq!(
            lex("0xffffffffffffffffffffffff"),
            vec![Ok(Tok::Int("79228162514264337593543950335".into()))]
        );
        assert!(lex("1abc")[0].is_err());
        assert!(lex("012")[0].is_err());
        assert!(lex("5j")[0].is_err());
    }

    #[test]
    fn strings_and_names() {
        let toks = lex("rb'x' f\"\"\"a\"b\"\"\" name");
        assert!(matches!(
            toks[0],
            Ok(Tok::Str(StrLit {
                is_bytes: true,
                is_raw: true,
                ..
            }))
        ));
        assert!(matches!(
            toks[1],
            Ok(Tok::Str(StrLit {
                is_fstring: true,
                quote_len: 3,
                ..
            }))
        ));
        assert_eq!(toks[2], Ok(Tok::Name("name".into())));
    }
}
