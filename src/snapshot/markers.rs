//! Attributing output to the code that printed it. Tutorials split one
//! program across several blocks, and `#> ` comments belong to one print
//! call, so the program run is instrumented with markers: tiny `print`
//! calls that write a private-use character pair around an owner id. They
//! cost no virtual time, CPython runs them just the same, and the output is
//! split at them afterwards.

use super::matching::Printed;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Who printed a piece of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Block `n` of a program split across blocks starts here.
    Block(usize),
    /// Statement-level print call number `n` starts here.
    Site(usize),
}

/// A Python statement (no newline) that writes the marker.
pub fn block_statement(block: usize) -> String {
    format!("print(\"\\ue000B{block}\\ue001\", end=\"\")")
}

/// Text put before a statement-level `print(...)` so that it first writes
/// the site's marker: `print(M, end="") or print(...)`.
pub fn site_prefix(site: usize) -> String {
    format!("print(\"\\ue000P{site}\\ue001\", end=\"\") or ")
}

/// A run of output with one owner block and site.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub block: usize,
    pub site: Option<usize>,
    pub text: String,
    pub time: f64,
}

/// Output split at markers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marked {
    pub pieces: Vec<Piece>,
    /// Block number → the virtual time its marker was written.
    pub block_starts: Vec<(usize, f64)>,
}

impl Marked {
    /// Splits `stdout`, whose writes began at the given (byte offset,
    /// virtual time) pairs, at its markers. Output before any marker
    /// belongs to block 0 and no site.
    pub fn split(stdout: &str, writes: &[(usize, f64)]) -> Marked {
        let time_at = |offset: usize| {
            let index = writes.partition_point(|(start, _)| *start <= offset);
            index.checked_sub(1).map_or(0.0, |i| writes[i].1)
        };
        let mut marked = Marked::default();
        let (mut block, mut site) = (0, None);
        let mut rest = stdout;
        let mut offset = 0;
        while !rest.is_empty() {
            let (text, mark, consumed) = match next_marker(rest) {
                Some((before, mark, len)) => (&rest[..before], Some(mark), before + len),
                None => (rest, None, rest.len()),
            };
            marked.push_text(block, site, text, offset, &time_at);
            match mark {
                Some(Mark::Block(n)) => {
                    (block, site) = (n, None);
                    marked.block_starts.push((n, time_at(offset + text.len())));
                }
                Some(Mark::Site(n)) => site = Some(n),
                None => {}
            }
            rest = &rest[consumed..];
            offset += consumed;
        }
        marked
    }

    /// Adds `text` (at byte `offset` of stdout) split where writes begin,
    /// so every piece has the time of its first character.
    fn push_text(
        &mut self,
        block: usize,
        site: Option<usize>,
        text: &str,
        offset: usize,
        time_at: &dyn Fn(usize) -> f64,
    ) {
        let mut start = 0;
        for (index, _) in text.char_indices().skip(1) {
            if time_at(offset + index) != time_at(offset + index - 1) {
                self.push_piece(block, site, &text[start..index], time_at(offset + start));
                start = index;
            }
        }
        if start < text.len() {
            self.push_piece(block, site, &text[start..], time_at(offset + start));
        }
    }

    fn push_piece(&mut self, block: usize, site: Option<usize>, text: &str, time: f64) {
        self.pieces.push(Piece {
            block,
            site,
            text: text.to_owned(),
            time,
        });
    }

    /// The output without markers.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The lines of the pieces `keep` selects, each with the time its first
    /// character was written.
    pub fn lines(&self, keep: impl Fn(&Piece) -> bool) -> Vec<Printed> {
        let mut lines = Vec::new();
        let mut current: Option<Printed> = None;
        for piece in self.pieces.iter().filter(|p| keep(p)) {
            for part in piece.text.split_inclusive('\n') {
                let line = current.get_or_insert_with(|| Printed {
                    time: piece.time,
                    text: String::new(),
                });
                match part.strip_suffix('\n') {
                    Some(content) => {
                        line.text.push_str(content);
                        lines.extend(current.take());
                    }
                    None => line.text.push_str(part),
                }
            }
        }
        lines.extend(current);
        lines
    }

    /// The virtual time at which block `n`'s marker was written.
    pub fn block_start(&self, n: usize) -> Option<f64> {
        self.block_starts
            .iter()
            .find(|(block, _)| *block == n)
            .map(|(_, t)| *t)
    }
}

/// The first marker in `text`: (bytes before it, the marker, its length).
fn next_marker(text: &str) -> Option<(usize, Mark, usize)> {
    let mut search = 0;
    while let Some(found) = text[search..].find(OPEN) {
        let start = search + found;
        let body_start = start + OPEN.len_utf8();
        if let Some(close) = text[body_start..].find(CLOSE) {
            let body = &text[body_start..body_start + close];
            let number = body.get(1..).and_then(|n| n.parse().ok());
            let mark = match (body.chars().next(), number) {
                (Some('B'), Some(n)) => Some(Mark::Block(n)),
                (Some('P'), Some(n)) => Some(Mark::Site(n)),
                _ => None,
            };
            if let Some(mark) = mark {
                return Some((start, mark, body_start + close + CLOSE.len_utf8() - start));
            }
        }
        search = body_start;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_markers_with_times() {
        let out = "a\n\u{E000}B1\u{E001}b\u{E000}P3\u{E001}c\nd\n";
        // Writes: "a\n" at 0.0, marker+"b" at 1.0, the rest at 2.0.
        let c_offset = out.find('c').unwrap() - "\u{E000}P3\u{E001}".len();
        let marked = Marked::split(out, &[(0, 0.0), (2, 1.0), (c_offset, 2.0)]);
        assert_eq!(marked.text(), "a\nbc\nd\n");
        assert_eq!(marked.block_start(1), Some(1.0));
        let block1 = marked.lines(|p| p.block == 1);
        assert_eq!(block1.len(), 2);
        assert_eq!((block1[0].time, block1[0].text.as_str()), (1.0, "bc"));
        assert_eq!((block1[1].time, block1[1].text.as_str()), (2.0, "d"));
        let site = marked.lines(|p| p.site == Some(3));
        assert_eq!(site.len(), 2);
        assert_eq!(site[0].text, "c");
        assert_eq!(marked.lines(|p| p.block == 0)[0].text, "a");
    }

    #[test]
    fn stray_private_use_characters_are_text() {
        let out = "x\u{E000}Q1\u{E001}\u{E000}";
        let marked = Marked::split(out, &[]);
        assert_eq!(marked.text(), out);
        assert_eq!(marked.lines(|_| true)[0].time, 0.0);
    }

    #[test]
    fn statements_are_python() {
        assert_eq!(block_statement(2), r#"print("\ue000B2\ue001", end="")"#);
        assert!(site_prefix(0).ends_with(" or "));
    }
}
