//! Fenced code blocks of a Markdown page (``` or ~~~, as CommonMark
//! describes them, but accepting any indentation so that fences inside
//! list items count). Never fails: an unclosed fence runs to the end.

use std::ops::Range;

use super::lines::Line;

#[derive(Debug, Clone, PartialEq)]
pub struct Fence {
    /// Index of the opening line.
    pub open: usize,
    /// Indices of the content lines.
    pub content: Range<usize>,
    /// Whether a closing line was found (else the fence runs to the end).
    pub closed: bool,
    /// The info string, trimmed.
    pub info: String,
    /// Leading whitespace characters of the opening line, removed from
    /// content lines.
    pub indent: usize,
    /// The fence character and how many of them open the fence.
    pub marker: (char, usize),
}

impl Fence {
    /// The index of the first line after the fence.
    pub fn after(&self) -> usize {
        self.content.end + usize::from(self.closed)
    }

    /// The first word of the info string, lowercased (the language).
    pub fn language(&self) -> String {
        self.info
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }
}

/// All fences of a page, in order.
pub fn scan(lines: &[Line<'_>]) -> Vec<Fence> {
    let mut fences = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let Some((indent, marker, info)) = opening(lines[index].text) else {
            index += 1;
            continue;
        };
        let end = (index + 1..lines.len()).find(|&i| closes(lines[i].text, marker));
        let content_end = end.unwrap_or(lines.len());
        fences.push(Fence {
            open: index,
            content: index + 1..content_end,
            closed: end.is_some(),
            info: info.to_owned(),
            indent,
            marker,
        });
        index = content_end + 1;
    }
    fences
}

/// An opening line: indentation, at least three backticks or tildes, an
/// info string (without backticks after backticks).
fn opening(text: &str) -> Option<(usize, (char, usize), &str)> {
    // A byte-order mark may start the first line.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start_matches([' ', '\t']);
    let indent = text[..text.len() - body.len()].chars().count();
    let ch = body.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let count = body.chars().take_while(|c| *c == ch).count();
    if count < 3 {
        return None;
    }
    let info = body[count..].trim();
    if ch == '`' && info.contains('`') {
        return None;
    }
    Some((indent, (ch, count), info))
}

/// Whether `text` is a closing line for a fence opened with `marker`.
pub fn closes(text: &str, (ch, count): (char, usize)) -> bool {
    let body = text.trim_start_matches([' ', '\t']);
    let run = body.chars().take_while(|c| *c == ch).count();
    run >= count && body[run * ch.len_utf8()..].trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::lines::split;

    fn fences(text: &str) -> Vec<Fence> {
        scan(&split(text))
    }

    #[test]
    fn finds_fences_with_info_and_indent() {
        let found = fences("intro\n```python kairos:skip\nx = 1\n```\n\n  ~~~~\n  out\n  ~~~~~\n");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].info, "python kairos:skip");
        assert_eq!(found[0].language(), "python");
        assert_eq!(found[0].content, 2..3);
        assert!(found[0].closed);
        assert_eq!(found[1].indent, 2);
        assert_eq!(found[1].marker, ('~', 4));
        assert_eq!(found[1].after(), 8);
    }

    #[test]
    fn shorter_or_other_markers_do_not_close() {
        let found = fences("````\n```\n~~~\n````\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].content, 1..3);
    }

    #[test]
    fn unclosed_fences_run_to_the_end() {
        let found = fences("```python\nprint(1)\n");
        assert!(!found[0].closed);
        assert_eq!(found[0].content, 1..2);
        assert_eq!(found[0].after(), 2);
        assert!(fences("```").len() == 1);
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_a_fence() {
        let found = fences("\u{feff}```python\nx\n```\n");
        assert_eq!((found.len(), found[0].indent), (1, 0));
    }

    #[test]
    fn inline_code_and_short_runs_are_not_fences() {
        assert!(fences("``not``\n``` a ` b\n`` x\n").is_empty());
        assert!(fences("").is_empty());
    }
}
