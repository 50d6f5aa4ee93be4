//! Lines of a file with their byte ranges, so that `--update` can replace
//! exactly the bytes of an expected output and nothing else.

use std::ops::Range;

/// One line of a text: its content without the terminator and the bytes it
/// occupies, terminator included.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    pub text: &'a str,
    pub bytes: Range<usize>,
}

/// Splits `text` at `\n` (a `\r` before it belongs to the terminator). A
/// final line without terminator is kept; an empty text has no lines.
pub fn split(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let content = piece.strip_suffix('\n').unwrap_or(piece);
        let content = content.strip_suffix('\r').unwrap_or(content);
        lines.push(Line {
            text: content,
            bytes: start..end,
        });
        start = end;
    }
    lines
}

/// The line terminator a file uses (that of its first line), so rewritten
/// lines match their neighbours.
pub fn terminator(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Drops trailing blank lines: an expected output and a program's output
/// are compared without them.
pub fn trim_trailing_blank<S: AsRef<str>>(lines: &mut Vec<S>) {
    while lines.last().is_some_and(|l| l.as_ref().trim().is_empty()) {
        lines.pop();
    }
}

/// Removes up to `width` leading whitespace characters: code inside an
/// indented fence (a list item) loses the fence's indentation.
pub fn dedent(line: &str, width: usize) -> &str {
    let mut cut = 0;
    for (count, (index, ch)) in line.char_indices().enumerate() {
        if count >= width || !(ch == ' ' || ch == '\t') {
            return &line[index..];
        }
        cut = index + ch.len_utf8();
    }
    &line[cut..]
}

/// The leading spaces and tabs of a line.
pub fn indentation(line: &str) -> &str {
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_ranges_and_strips_terminators() {
        let lines = split("a\r\nbc\n\nd");
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "bc", "", "d"]);
        assert_eq!(lines[0].bytes, 0..3);
        assert_eq!(lines[3].bytes, 7..8);
        assert!(split("").is_empty());
    }

    #[test]
    fn terminator_follows_the_first_line() {
        assert_eq!(terminator("a\r\nb\n"), "\r\n");
        assert_eq!(terminator("a\nb\r\n"), "\n");
        assert_eq!(terminator("\n"), "\n");
        assert_eq!(terminator("no newline"), "\n");
    }

    #[test]
    fn dedent_stops_at_text() {
        assert_eq!(dedent("    x = 1", 2), "  x = 1");
        assert_eq!(dedent(" x", 3), "x");
        assert_eq!(dedent("   ", 2), " ");
        assert_eq!(dedent("  ", 5), "");
        assert_eq!(dedent("é", 2), "é");
    }
}
