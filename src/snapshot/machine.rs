//! Reports for CI systems: `--format json` on stdout and `--junit FILE`.

use std::fmt::Write;

use serde::Serialize;

use super::check::{Checked, Failure, Status};
use super::report::{diff, Palette, Totals};

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Passed => "passed",
        Status::Failed => "failed",
        Status::Skipped => "skipped",
    }
}

/// `--format json`, fields in this order.
#[derive(Serialize)]
struct JsonReport<'a> {
    passed: usize,
    failed: usize,
    skipped: usize,
    /// Expected outputs rewritten by `--update` (file:line).
    updated: &'a [String],
    examples: Vec<JsonExample<'a>>,
}

#[derive(Serialize)]
struct JsonExample<'a> {
    file: String,
    line: usize,
    status: &'static str,
    /// Virtual seconds the program took.
    elapsed: Option<f64>,
    failures: Vec<JsonFailure<'a>>,
}

#[derive(Serialize)]
struct JsonFailure<'a> {
    file: String,
    line: usize,
    message: &'a str,
    detail: Option<&'a str>,
    expected: Option<&'a [String]>,
    actual: Option<&'a [String]>,
    diff: Option<String>,
}

impl<'a> JsonFailure<'a> {
    fn new(failure: &'a Failure) -> JsonFailure<'a> {
        let diff = failure.diff.as_ref();
        JsonFailure {
            file: failure.at.path.display().to_string(),
            line: failure.at.line,
            message: &failure.message,
            detail: failure.detail.as_deref(),
            expected: diff.map(|(expected, _)| expected.as_slice()),
            actual: diff.map(|(_, actual)| actual.as_slice()),
            diff: diff.map(|(expected, actual)| {
                super::report::diff(expected, actual, Palette::new(false))
            }),
        }
    }
}

/// One JSON document: totals, then every example in order. Deterministic:
/// times are virtual seconds, never real ones.
pub fn json_report(results: &[Checked], updated: &[String]) -> String {
    let totals = Totals::of(results);
    let report = JsonReport {
        passed: totals.passed,
        failed: totals.failed,
        skipped: totals.skipped,
        updated,
        examples: results
            .iter()
            .map(|r| JsonExample {
                file: r.at.path.display().to_string(),
                line: r.at.line,
                status: status_name(r.status),
                elapsed: r.elapsed,
                failures: r.failures.iter().map(JsonFailure::new).collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// JUnit XML: one test suite per file, one test case per example.
pub fn junit_report(results: &[Checked]) -> String {
    let totals = Totals::of(results);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"kairos test\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
        results.len(),
        totals.failed,
        totals.skipped
    );
    let mut index = 0;
    while index < results.len() {
        let path = &results[index].at.path;
        let end = index
            + results[index..]
                .iter()
                .take_while(|r| &r.at.path == path)
                .count();
        write_suite(&mut out, &results[index..end]);
        index = end;
    }
    out.push_str("</testsuites>\n");
    out
}

fn write_suite(out: &mut String, cases: &[Checked]) {
    let totals = Totals::of(cases);
    let file = xml(&cases[0].at.path.display().to_string());
    let seconds: f64 = cases.iter().map(|c| c.duration).sum();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{file}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{seconds:.3}\">",
        cases.len(),
        totals.failed,
        totals.skipped
    );
    for case in cases {
        let _ = write!(
            out,
            "    <testcase classname=\"{file}\" name=\"{}\" file=\"{file}\" line=\"{}\" time=\"{:.3}\"",
            xml(&case.at.to_string()),
            case.at.line,
            case.duration
        );
        match case.status {
            Status::Passed => out.push_str("/>\n"),
            Status::Skipped => out.push_str(">\n      <skipped/>\n    </testcase>\n"),
            Status::Failed => {
                out.push_str(">\n");
                for failure in &case.failures {
                    let mut body = String::new();
                    if let Some(detail) = &failure.detail {
                        body.push_str(detail);
                        body.push('\n');
                    }
                    if let Some((expected, actual)) = &failure.diff {
                        body.push_str(&diff(expected, actual, Palette::new(false)));
                    }
                    let _ = writeln!(
                        out,
                        "      <failure message=\"{}: {}\">{}</failure>",
                        xml(&failure.at.to_string()),
                        xml(&failure.message),
                        xml(&body)
                    );
                }
                out.push_str("    </testcase>\n");
            }
        }
    }
    out.push_str("  </testsuite>\n");
}

/// Text escaped for XML; characters XML 1.0 cannot hold become U+FFFD.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' | '\r' => out.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::example::Location;
    use serde_json::Value;

    fn checked(path: &str, line: usize, status: Status) -> Checked {
        Checked {
            at: Location {
                path: path.into(),
                line,
            },
            status,
            failures: Vec::new(),
            edits: Vec::new(),
            elapsed: Some(1.5),
            duration: 0.0,
        }
    }

    #[test]
    fn json_lists_examples_and_totals() {
        let text = json_report(
            &[
                checked("a.md", 3, Status::Passed),
                checked("a.md", 9, Status::Skipped),
            ],
            &[],
        );
        assert!(text.starts_with("{\n  \"passed\": 1,\n  \"failed\": 0,"));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["passed"], 1);
        assert_eq!(value["skipped"], 1);
        assert_eq!(value["examples"][1]["status"], "skipped");
        assert_eq!(value["examples"][0]["elapsed"], 1.5);
    }

    #[test]
    fn junit_groups_by_file_and_escapes() {
        let mut failed = checked("b<1>.md", 2, Status::Failed);
        failed.failures.push(Failure {
            at: failed.at.clone(),
            message: "output \"differs\"".to_owned(),
            detail: Some("bell \u{7} & co".to_owned()),
            diff: None,
            rewritable: false,
        });
        let text = junit_report(&[checked("a.md", 1, Status::Passed), failed]);
        assert_eq!(text.matches("<testsuite ").count(), 2);
        assert!(text.contains("name=\"b&lt;1&gt;.md\""));
        assert!(text.contains("output &quot;differs&quot;"));
        assert!(text.contains("bell \u{FFFD} &amp; co"));
        assert!(text.contains("tests=\"2\" failures=\"1\" skipped=\"0\""));
    }
}
