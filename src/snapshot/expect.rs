//! What an expected output may say: exact lines, `...` for any run of
//! lines, a `[2.000s] ` virtual-time stamp before a line, and a last line
//! `elapsed: 3.000s` for the total virtual time.

/// A virtual time as written in a claim: compared after rounding to the
/// number of decimals the author wrote (`[2s]` ≈ 1.5..2.5, `[2.000s]` exact
/// to the millisecond).
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub seconds: f64,
    pub decimals: usize,
}

impl Stamp {
    /// Parses `2`, `2.5`, `2.000` (digits, an optional fraction).
    pub fn parse(text: &str) -> Option<Stamp> {
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
            return None;
        }
        Some(Stamp {
            seconds: text.parse().ok()?,
            decimals: fraction.map_or(0, str::len),
        })
    }

    pub fn matches(&self, seconds: f64) -> bool {
        format_seconds(seconds, self.decimals) == format_seconds(self.seconds, self.decimals)
    }
}

/// Seconds with a fixed number of decimals, as stamps and `elapsed:` show them.
pub fn format_seconds(seconds: f64, decimals: usize) -> String {
    format!("{seconds:.decimals$}")
}

/// The decimals used when a time is written afresh (as `kairos run` does).
pub const DEFAULT_DECIMALS: usize = 3;

/// One line of an expected output.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// `...`: any run of lines, possibly none.
    Ellipsis,
    Line {
        /// The virtual time the line must have been printed at.
        at: Option<Stamp>,
        /// The line without its stamp.
        text: String,
        /// The line as written.
        raw: String,
    },
}

/// The closing `elapsed: 3.000s` line.
#[derive(Debug, Clone, PartialEq)]
pub struct ElapsedClaim {
    pub stamp: Stamp,
    pub raw: String,
    /// Written with `kairos run`'s ` (virtual)` suffix.
    pub virtual_suffix: bool,
}

impl ElapsedClaim {
    fn parse(line: &str) -> Option<ElapsedClaim> {
        let rest = line.trim_end().strip_prefix("elapsed: ")?;
        let (rest, virtual_suffix) = match rest.strip_suffix(" (virtual)") {
            Some(rest) => (rest, true),
            None => (rest, false),
        };
        Some(ElapsedClaim {
            stamp: Stamp::parse(rest.strip_suffix('s')?)?,
            raw: line.to_owned(),
            virtual_suffix,
        })
    }

    /// The claim rewritten for `seconds`, in the author's format.
    pub fn render(&self, seconds: f64) -> String {
        let suffix = if self.virtual_suffix {
            " (virtual)"
        } else {
            ""
        };
        format!(
            "elapsed: {}s{suffix}",
            format_seconds(seconds, self.stamp.decimals)
        )
    }
}

/// Which parts of the syntax apply where: stderr lines carry no times, and
/// `#> ` comments describe one print call, not a whole run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Syntax {
    pub stamps: bool,
    pub elapsed: bool,
    /// A `console` fence: leading `$ command` lines are not output.
    pub console: bool,
}

/// A parsed expected output.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Expectation {
    /// Leading `$ command` lines of a console fence, kept as written.
    pub header: Vec<String>,
    pub lines: Vec<Expected>,
    pub elapsed: Option<ElapsedClaim>,
    /// `output unordered`: the lines form a multiset.
    pub unordered: bool,
}

impl Expectation {
    /// Parses expected-output lines (trailing blank lines are ignored).
    pub fn parse<S: AsRef<str>>(lines: &[S], syntax: Syntax, unordered: bool) -> Expectation {
        let mut lines: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        super::lines::trim_trailing_blank(&mut lines);
        let mut header = Vec::new();
        if syntax.console {
            while let Some(first) = lines.first().filter(|l| l.starts_with("$ ")) {
                header.push((*first).to_owned());
                lines.remove(0);
            }
        }
        let elapsed = if syntax.elapsed {
            lines.last().and_then(|last| ElapsedClaim::parse(last))
        } else {
            None
        };
        if elapsed.is_some() {
            lines.pop();
        }
        Expectation {
            header,
            lines: lines.iter().map(|l| parse_line(l, syntax.stamps)).collect(),
            elapsed,
            unordered,
        }
    }

    /// Whether any line asserts a time: lines written afresh then get stamps too.
    pub fn uses_stamps(&self) -> bool {
        self.lines
            .iter()
            .any(|l| matches!(l, Expected::Line { at: Some(_), .. }))
    }

    /// The expectation as its author wrote it (header, lines, elapsed).
    pub fn written(&self) -> Vec<String> {
        let mut out = self.header.clone();
        out.extend(self.lines.iter().map(|l| match l {
            Expected::Ellipsis => "...".to_owned(),
            Expected::Line { raw, .. } => raw.clone(),
        }));
        out.extend(self.elapsed.iter().map(|e| e.raw.clone()));
        out
    }

    /// The same lines with the closing `elapsed:` line read as ordinary
    /// output (for programs that print such a line themselves).
    pub fn without_elapsed_claim(&self) -> Option<Expectation> {
        let claim = self.elapsed.as_ref()?;
        let mut plain = self.clone();
        plain.elapsed = None;
        plain.lines.push(parse_line(&claim.raw, false));
        Some(plain)
    }
}

fn parse_line(line: &str, stamps: bool) -> Expected {
    if matches!(line.trim(), "..." | "…") {
        return Expected::Ellipsis;
    }
    let stamped = stamps.then(|| split_stamp(line)).flatten();
    let (at, text) = match stamped {
        Some((stamp, text)) => (Some(stamp), text.to_owned()),
        None => (None, line.to_owned()),
    };
    Expected::Line {
        at,
        text,
        raw: line.to_owned(),
    }
}

/// `[2.000s] text` → the stamp and `text` (a bare `[2.000s]` is an empty line).
fn split_stamp(line: &str) -> Option<(Stamp, &str)> {
    let rest = line.strip_prefix('[')?;
    let (time, rest) = rest.split_once("s]")?;
    let stamp = Stamp::parse(time)?;
    match rest.strip_prefix(' ') {
        Some(text) => Some((stamp, text)),
        None if rest.is_empty() => Some((stamp, rest)),
        None => None,
    }
}

/// A printed line in the form its expectation uses: with a stamp when
/// `stamp_decimals` says so.
pub fn render_line(text: &str, time: f64, stamp_decimals: Option<usize>) -> String {
    match stamp_decimals {
        Some(decimals) if text.is_empty() => format!("[{}s]", format_seconds(time, decimals)),
        Some(decimals) => format!("[{}s] {text}", format_seconds(time, decimals)),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Syntax = Syntax {
        stamps: true,
        elapsed: true,
        console: false,
    };

    #[test]
    fn stamps_compare_at_the_written_precision() {
        let stamp = Stamp::parse("2.000").unwrap();
        assert!(stamp.matches(2.0000004));
        assert!(!stamp.matches(2.001));
        let coarse = Stamp::parse("2").unwrap();
        assert!(coarse.matches(1.6));
        assert!(!coarse.matches(2.6));
        for bad in ["", "2.", ".5", "-1", "1e3", "a"] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_ellipsis_stamps_and_elapsed() {
        let e = Expectation::parse(
            &[
                "[1.000s] Done: user",
                "...",
                "[2s]",
                "plain",
                "elapsed: 3.000s",
                "",
            ],
            ALL,
            false,
        );
        assert_eq!(e.lines.len(), 4);
        assert!(
            matches!(&e.lines[0], Expected::Line { at: Some(s), text, .. } if s.seconds == 1.0 && text == "Done: user")
        );
        assert_eq!(e.lines[1], Expected::Ellipsis);
        assert!(matches!(&e.lines[2], Expected::Line { at: Some(_), text, .. } if text.is_empty()));
        assert!(matches!(&e.lines[3], Expected::Line { at: None, .. }));
        assert_eq!(e.elapsed.as_ref().unwrap().stamp.decimals, 3);
        assert_eq!(e.written().last().unwrap(), "elapsed: 3.000s");
    }

    #[test]
    fn elapsed_only_as_the_last_line_and_where_allowed() {
        let e = Expectation::parse(&["elapsed: 1s", "x"], ALL, false);
        assert!(e.elapsed.is_none());
        let e = Expectation::parse(&["elapsed: 1.5s (virtual)"], ALL, false);
        let claim = e.elapsed.unwrap();
        assert!(claim.virtual_suffix);
        assert_eq!(claim.render(2.26), "elapsed: 2.3s (virtual)");
        let stderr = Syntax {
            stamps: false,
            ..ALL
        };
        let e = Expectation::parse(&["[1.0s] x"], stderr, false);
        assert!(matches!(&e.lines[0], Expected::Line { at: None, .. }));
    }

    #[test]
    fn console_header_lines_are_kept_apart() {
        let console = Syntax {
            console: true,
            ..ALL
        };
        let e = Expectation::parse(&["$ python x.py", "hi"], console, false);
        assert_eq!(e.header, ["$ python x.py"]);
        assert_eq!(e.lines.len(), 1);
    }

    #[test]
    fn malformed_stamps_are_plain_text() {
        for line in ["[1.0s]x", "[s] x", "[1.0] x", "[x.0s] y", "["] {
            let e = Expectation::parse(&[line], ALL, false);
            assert!(
                matches!(&e.lines[0], Expected::Line { at: None, .. }),
                "{line}"
            );
        }
    }
}
