//! A small Python tokenizer for colouring code on a terminal: keywords,
//! strings, comments and numbers. It never fails: anything it does not
//! recognise is plain text.

use super::style::{Color, Style};

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    Keyword,
    Str,
    Comment,
    Number,
}

/// The code's lines, each coloured (or as is when `style` has no colour).
pub fn highlight_lines(code: &str, style: Style) -> Vec<String> {
    let mut lines = vec![String::new()];
    for (kind, text) in tokens(code) {
        // A token may span lines (triple-quoted strings): colour each piece.
        for (n, piece) in text.split('\n').enumerate() {
            if n > 0 {
                lines.push(String::new());
            }
            let painted = match kind {
                Kind::Plain => piece.to_owned(),
                Kind::Keyword => style.paint(Color::Magenta, piece),
                Kind::Str => style.paint(Color::Green, piece),
                Kind::Comment => style.paint(Color::Dim, piece),
                Kind::Number => style.paint(Color::Cyan, piece),
            };
            if let Some(line) = lines.last_mut() {
                line.push_str(&painted);
            }
        }
    }
    if code.ends_with('\n') {
        lines.pop();
    }
    lines
}

fn tokens(code: &str) -> Vec<(Kind, &str)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let (kind, len) = if c == '#' {
            (Kind::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(len) = string_len(rest) {
            (Kind::Str, len)
        } else if c.is_alphabetic() || c == '_' {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let kind = if KEYWORDS.contains(&word) {
                Kind::Keyword
            } else {
                Kind::Plain
            };
            (kind, len)
        } else if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .unwrap_or(rest.len());
            (Kind::Number, len)
        } else {
            (Kind::Plain, c.len_utf8())
        };
        out.push((kind, &rest[..len]));
        rest = &rest[len..];
    }
    out
}

/// The byte length of a string literal (with an optional r/b/f/u prefix)
/// at the start of `text`; an unterminated one runs to the end of its line
/// (or of the text, for triple quotes).
fn string_len(text: &str) -> Option<usize> {
    let prefix = text
        .find(|c: char| !matches!(c, 'r' | 'R' | 'b' | 'B' | 'f' | 'F' | 'u' | 'U'))
        .unwrap_or(text.len());
    if prefix > 2 {
        return None;
    }
    let body = &text[prefix..];
    let quote = body.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let triple: String = std::iter::repeat_n(quote, 3).collect();
    let (open, multiline) = if body.starts_with(&triple) {
        (3, true)
    } else {
        (1, false)
    };
    let mut chars = body[open..].char_indices();
    while let Some((i, c)) = chars.next() {
        // A backslash keeps the next character inside, in raw strings too.
        if c == '\\' {
            chars.next();
        } else if c == '\n' && !multiline {
            return Some(prefix + open + i);
        } else if c == quote && (!multiline || body[open + i..].starts_with(&triple)) {
            let close = if multiline { 3 } else { 1 };
            return Some(prefix + open + i + close);
        }
    }
    Some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_style_keeps_the_code() {
        let code =
            "async def f(x='#'):  # note\n    s = \"\"\"a\nb\"\"\"\n    return rb'\\'' + 1.5\n";
        assert_eq!(
            highlight_lines(code, Style::plain()).join("\n") + "\n",
            code
        );
    }

    #[test]
    fn colours_keywords_strings_comments() {
        let lines = highlight_lines("await x  # c\n'a'", Style { color: true });
        assert_eq!(lines[0], "\x1b[35mawait\x1b[0m x  \x1b[2m# c\x1b[0m");
        assert_eq!(lines[1], "\x1b[32m'a'\x1b[0m");
    }

    #[test]
    fn identifiers_that_start_like_prefixes_are_not_strings() {
        let lines = highlight_lines("run(bar)", Style { color: true });
        assert_eq!(lines[0], "run(bar)");
    }
}
