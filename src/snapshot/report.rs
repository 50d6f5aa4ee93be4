//! The human report: each failing example with its file:line, what was
//! expected and what happened as a unified diff (coloured on a terminal),
//! then the closing line `N passed, N failed[, N skipped]`.

use std::fmt::Write;

use similar::{ChangeTag, TextDiff};

use super::check::{Checked, Failure, Status};

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
}

impl Palette {
    pub fn new(color: bool) -> Palette {
        Palette { color }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// Counts of examples by status.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Totals {
    pub fn of(results: &[Checked]) -> Totals {
        let count = |status| results.iter().filter(|r| r.status == status).count();
        Totals {
            passed: count(Status::Passed),
            failed: count(Status::Failed),
            skipped: count(Status::Skipped),
        }
    }

    /// `N passed, N failed` and `, N skipped` when any were.
    pub fn line(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            let _ = write!(line, ", {} skipped", self.skipped);
        }
        line
    }
}

/// The whole report; `updated` lists expected outputs `--update` rewrote.
pub fn human(results: &[Checked], updated: &[String], palette: Palette) -> String {
    let mut out = String::new();
    for result in results.iter().filter(|r| r.status == Status::Failed) {
        let _ = writeln!(
            out,
            "{} {}",
            palette.paint("1;31", "FAIL"),
            palette.paint("1", &result.at.to_string())
        );
        for failure in &result.failures {
            write_failure(&mut out, failure, result, palette);
        }
        out.push('\n');
    }
    for place in updated {
        let _ = writeln!(out, "{} {place}", palette.paint("1;33", "updated"));
    }
    let totals = Totals::of(results);
    let code = if totals.failed > 0 { "1;31" } else { "1;32" };
    let _ = writeln!(out, "{}", palette.paint(code, &totals.line()));
    out
}

fn write_failure(out: &mut String, failure: &Failure, result: &Checked, palette: Palette) {
    if failure.at == result.at {
        let _ = writeln!(out, "{}", failure.message);
    } else {
        let _ = writeln!(out, "{} ({})", failure.message, failure.at);
    }
    if let Some(detail) = &failure.detail {
        for line in detail.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    if let Some((expected, actual)) = &failure.diff {
        out.push_str(&diff(expected, actual, palette));
    }
}

/// A unified diff of expected and actual lines.
pub fn diff(expected: &[String], actual: &[String], palette: Palette) -> String {
    let (old, new) = (joined(expected), joined(actual));
    let text_diff = TextDiff::from_lines(&old, &new);
    let mut out = String::new();
    let _ = writeln!(out, "{}", palette.paint("1", "--- expected"));
    let _ = writeln!(out, "{}", palette.paint("1", "+++ actual"));
    for hunk in text_diff.unified_diff().context_radius(3).iter_hunks() {
        let _ = writeln!(out, "{}", palette.paint("36", &hunk.header().to_string()));
        for change in hunk.iter_changes() {
            let line = change.value().trim_end_matches('\n');
            let _ = match change.tag() {
                ChangeTag::Delete => writeln!(out, "{}", palette.paint("31", &format!("-{line}"))),
                ChangeTag::Insert => writeln!(out, "{}", palette.paint("32", &format!("+{line}"))),
                ChangeTag::Equal => writeln!(out, " {line}"),
            };
        }
    }
    out
}

/// Lines joined with a final newline, so the last line diffs like the rest.
fn joined(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::example::Location;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn diff_is_plain_without_colour() {
        let d = diff(
            &lines(&["a", "b", "c"]),
            &lines(&["a", "B", "c"]),
            Palette::new(false),
        );
        assert_eq!(
            d,
            "--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        );
        let coloured = diff(&lines(&["a"]), &lines(&["b"]), Palette::new(true));
        assert!(coloured.contains("\x1b[31m-a\x1b[0m"));
        assert!(coloured.contains("\x1b[32m+b\x1b[0m"));
    }

    #[test]
    fn closing_line_mentions_skipped_only_when_any() {
        let at = Location {
            path: "p.md".into(),
            line: 3,
        };
        let result = |status| Checked {
            at: at.clone(),
            status,
            failures: Vec::new(),
            edits: Vec::new(),
            elapsed: None,
            duration: 0.0,
        };
        let report = human(
            &[result(Status::Passed), result(Status::Passed)],
            &[],
            Palette::new(false),
        );
        assert_eq!(report, "2 passed, 0 failed\n");
        let mut failed = result(Status::Failed);
        failed.failures.push(Failure {
            at: at.clone(),
            message: "output differs".to_owned(),
            detail: None,
            diff: Some((lines(&["x"]), lines(&["y"]))),
            rewritable: false,
        });
        let report = human(&[failed, result(Status::Skipped)], &[], Palette::new(false));
        assert!(report.starts_with("FAIL p.md:3\noutput differs\n--- expected\n"));
        assert!(report.ends_with("\n0 passed, 1 failed, 1 skipped\n"));
    }
}
