//! Matching what a program printed against what its expected output says,
//! and writing what it printed in the expectation's own style, so the diff
//! shows only real differences and `--update` keeps the author's `...`,
//! stamps and precision wherever they still hold.

use std::borrow::Cow;

use super::expect::{render_line, Expectation, Expected};

/// A line the program printed and the virtual time it was printed at.
#[derive(Debug, Clone, PartialEq)]
pub struct Printed {
    pub time: f64,
    pub text: String,
}

/// The outcome of one comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub passed: bool,
    /// The expected output as written.
    pub expected: Vec<String>,
    /// What happened, in the expectation's style; equal to `expected` when
    /// it passed. `--update` writes these lines.
    pub actual: Vec<String>,
}

/// Beyond this many alignment cells a failing output is shown line by line
/// instead of aligned with the expectation (memory stays small).
const ALIGNMENT_LIMIT: usize = 1 << 20;

/// Compares `printed` (and the run's `elapsed` virtual seconds, when known)
/// with `expect`.
pub fn judge(expect: &Expectation, printed: &[Printed], elapsed: Option<f64>) -> Verdict {
    let verdict = judge_as_written(expect, printed, elapsed);
    if !verdict.passed {
        // A program may itself print a last line such as `elapsed: 1.000s`.
        if let Some(plain) = expect.without_elapsed_claim() {
            let retry = judge_as_written(&plain, printed, elapsed);
            if retry.passed {
                return retry;
            }
        }
    }
    verdict
}

fn judge_as_written(expect: &Expectation, printed: &[Printed], elapsed: Option<f64>) -> Verdict {
    let mut printed = printed;
    while printed.last().is_some_and(|p| p.text.trim().is_empty()) {
        printed = &printed[..printed.len() - 1];
    }
    let style = Style::of(expect);
    let (lines_pass, rendered) = if expect.unordered {
        unordered(&expect.lines, printed, style)
    } else {
        ordered(&expect.lines, printed, style)
    };
    let mut actual = expect.header.clone();
    actual.extend(rendered);
    let mut passed = lines_pass;
    if let Some(claim) = &expect.elapsed {
        match elapsed {
            Some(seconds) if !claim.stamp.matches(seconds) => {
                passed = false;
                actual.push(claim.render(seconds));
            }
            _ => actual.push(claim.raw.clone()),
        }
    }
    Verdict {
        passed,
        expected: expect.written(),
        actual,
    }
}

/// How freshly written lines look: stamped (with the author's precision)
/// when the expectation stamps any line.
#[derive(Clone, Copy)]
struct Style {
    decimals: Option<usize>,
}

impl Style {
    fn of(expect: &Expectation) -> Style {
        let decimals = expect.lines.iter().find_map(|l| match l {
            Expected::Line { at: Some(s), .. } => Some(s.decimals),
            _ => None,
        });
        Style { decimals }
    }

    fn write(self, line: &Printed) -> String {
        render_line(&line.text, line.time, self.decimals)
    }
}

/// Whether an expected line accepts a printed one. A stamped line also
/// accepts its text taken literally (a program may print `[1.0s] x`).
fn accepts(expected: &Expected, printed: &Printed) -> bool {
    match expected {
        Expected::Ellipsis => true,
        Expected::Line { at, text, raw } => {
            (same_text(text, &printed.text) && at.as_ref().is_none_or(|s| s.matches(printed.time)))
                || (at.is_some() && same_text(raw, &printed.text))
        }
    }
}

/// Lines are equal up to trailing whitespace and masked addresses.
pub fn same_text(a: &str, b: &str) -> bool {
    mask(a.trim_end()) == mask(b.trim_end())
}

/// Replaces object addresses (`0x` and at least six hex digits, or the
/// `0x...` tutorials write) by `0x…`, so they compare equal.
pub fn mask(text: &str) -> Cow<'_, str> {
    if !text.contains("0x") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_word && bytes[i] == b'0' && bytes[i + 1] == b'x' {
            let rest = &text[i + 2..];
            let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
            let elided = if hex >= 6 {
                Some(hex)
            } else if rest.starts_with("...") {
                Some(3)
            } else if rest.starts_with('…') {
                Some('…'.len_utf8())
            } else {
                None
            };
            if let Some(len) = elided {
                out.push_str(&text[copied..i]);
                out.push_str("0x…");
                i += 2 + len;
                copied = i;
                continue;
            }
        }
        i += 1;
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// In order, `...` matching any run of lines.
fn ordered(expected: &[Expected], printed: &[Printed], style: Style) -> (bool, Vec<String>) {
    if segments_match(expected, printed) {
        return (true, written(expected));
    }
    let cells = (expected.len() + 1).saturating_mul(printed.len() + 1);
    let rendered = if cells <= ALIGNMENT_LIMIT {
        Alignment::new(expected, printed).render(style)
    } else {
        printed.iter().map(|p| style.write(p)).collect()
    };
    (false, rendered)
}

fn written(expected: &[Expected]) -> Vec<String> {
    expected
        .iter()
        .map(|l| match l {
            Expected::Ellipsis => "...".to_owned(),
            Expected::Line { raw, .. } => raw.clone(),
        })
        .collect()
}

/// Wildcard matching: the runs of lines between `...` must appear in order,
/// the first at the start and the last at the end. Placing each run at its
/// earliest position is optimal, so no backtracking is needed.
fn segments_match(expected: &[Expected], printed: &[Printed]) -> bool {
    let segments: Vec<&[Expected]> = expected
        .split(|l| matches!(l, Expected::Ellipsis))
        .collect();
    let run_matches_at =
        |run: &[Expected], at: usize| run.iter().zip(&printed[at..]).all(|(e, p)| accepts(e, p));
    if segments.len() == 1 {
        return expected.len() == printed.len() && run_matches_at(expected, 0);
    }
    let (first, last) = (segments[0], segments[segments.len() - 1]);
    if first.len() + last.len() > printed.len()
        || !run_matches_at(first, 0)
        || !run_matches_at(last, printed.len() - last.len())
    {
        return false;
    }
    let end = printed.len() - last.len();
    let mut at = first.len();
    for run in &segments[1..segments.len() - 1] {
        let found = (at..=end.saturating_sub(run.len()))
            .find(|&start| start + run.len() <= end && run_matches_at(run, start));
        match found {
            Some(start) => at = start + run.len(),
            None => return false,
        }
    }
    at <= end
}

/// A least-cost alignment of expected and printed lines (an edit distance
/// where `...` absorbs printed lines), used to write a failing output in
/// the expectation's style.
struct Alignment<'a> {
    expected: &'a [Expected],
    printed: &'a [Printed],
    /// cost[i][j]: aligning expected[i..] with printed[j..]; an error
    /// outweighs any number of absorbed lines, so absorbing is preferred
    /// only when it does not add errors.
    cost: Vec<u64>,
    error: u64,
}

impl<'a> Alignment<'a> {
    fn new(expected: &'a [Expected], printed: &'a [Printed]) -> Alignment<'a> {
        let (n, m) = (expected.len(), printed.len());
        let error = m as u64 + 1;
        let mut alignment = Alignment {
            expected,
            printed,
            cost: vec![0; (n + 1) * (m + 1)],
            error,
        };
        for i in (0..=n).rev() {
            for j in (0..=m).rev() {
                let best = alignment.steps(i, j).map(|(c, _)| c).min().unwrap_or(0);
                let at = alignment.at(i, j);
                alignment.cost[at] = best;
            }
        }
        alignment
    }

    fn at(&self, i: usize, j: usize) -> usize {
        i * (self.printed.len() + 1) + j
    }

    /// The possible next steps from (i, j) with their total costs, in the
    /// order preferred on ties.
    fn steps(&self, i: usize, j: usize) -> impl Iterator<Item = (u64, Step)> + '_ {
        let (n, m) = (self.expected.len(), self.printed.len());
        let mut steps = Vec::with_capacity(3);
        if i < n {
            match &self.expected[i] {
                Expected::Ellipsis => {
                    steps.push((self.cost[self.at(i + 1, j)], Step::EndEllipsis));
                    if j < m {
                        steps.push((1 + self.cost[self.at(i, j + 1)], Step::Absorb));
                    }
                }
                line => {
                    if j < m {
                        let step = if accepts(line, &self.printed[j]) {
                            (0, Step::Match)
                        } else {
                            (self.error, Step::Change)
                        };
                        steps.push((step.0 + self.cost[self.at(i + 1, j + 1)], step.1));
                    }
                    steps.push((self.error + self.cost[self.at(i + 1, j)], Step::Missing));
                }
            }
        }
        if j < m {
            steps.push((self.error + self.cost[self.at(i, j + 1)], Step::Extra));
        }
        steps.into_iter()
    }

    fn render(&self, style: Style) -> Vec<String> {
        let (n, m) = (self.expected.len(), self.printed.len());
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < n || j < m {
            let target = self.cost[self.at(i, j)];
            let Some((_, step)) = self.steps(i, j).find(|(c, _)| *c == target) else {
                break;
            };
            match step {
                Step::Match => {
                    out.extend(written(&self.expected[i..=i]));
                    (i, j) = (i + 1, j + 1);
                }
                Step::EndEllipsis => {
                    out.push("...".to_owned());
                    i += 1;
                }
                Step::Absorb => j += 1,
                Step::Change => {
                    let decimals = match &self.expected[i] {
                        Expected::Line { at: Some(s), .. } => Some(s.decimals),
                        _ => None,
                    };
                    out.push(Style { decimals }.write(&self.printed[j]));
                    (i, j) = (i + 1, j + 1);
                }
                Step::Missing => i += 1,
                Step::Extra => {
                    out.push(style.write(&self.printed[j]));
                    j += 1;
                }
            }
        }
        out
    }
}

#[derive(Clone, Copy)]
enum Step {
    Match,
    EndEllipsis,
    Absorb,
    Change,
    Missing,
    Extra,
}

/// As a multiset: stamped lines claim their printed line first (unstamped
/// ones are indifferent to time, so this greedy order is optimal).
fn unordered(expected: &[Expected], printed: &[Printed], style: Style) -> (bool, Vec<String>) {
    let mut used = vec![false; printed.len()];
    let mut found = vec![false; expected.len()];
    let stamped = |e: &Expected| matches!(e, Expected::Line { at: Some(_), .. });
    for pass_stamped in [true, false] {
        for (index, line) in expected.iter().enumerate() {
            if matches!(line, Expected::Ellipsis) || stamped(line) != pass_stamped {
                continue;
            }
            let free = (0..printed.len()).find(|&j| !used[j] && accepts(line, &printed[j]));
            if let Some(j) = free {
                used[j] = true;
                found[index] = true;
            }
        }
    }
    let open_ended = expected.iter().any(|l| matches!(l, Expected::Ellipsis));
    let mut extra = printed
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(p, _)| p)
        .peekable();
    let passed = found
        .iter()
        .zip(expected)
        .all(|(f, l)| *f || matches!(l, Expected::Ellipsis))
        && (open_ended || extra.peek().is_none());
    // Unprinted lines give their place to printed lines nobody expected, so
    // a changed line shows where it was written.
    let mut rendered = Vec::new();
    for (line, found) in expected.iter().zip(&found) {
        if *found || matches!(line, Expected::Ellipsis) {
            rendered.extend(written(std::slice::from_ref(line)));
        } else if let Some(printed) = extra.next() {
            let decimals = match line {
                Expected::Line { at: Some(s), .. } => Some(s.decimals),
                _ => style.decimals,
            };
            rendered.push(Style { decimals }.write(printed));
        }
    }
    if !open_ended {
        rendered.extend(extra.map(|p| style.write(p)));
    }
    (passed, rendered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::expect::Syntax;

    fn expect(lines: &[&str], unordered: bool) -> Expectation {
        let syntax = Syntax {
            stamps: true,
            elapsed: true,
            console: false,
        };
        Expectation::parse(lines, syntax, unordered)
    }

    fn printed(lines: &[(f64, &str)]) -> Vec<Printed> {
        lines
            .iter()
            .map(|(time, text)| Printed {
                time: *time,
                text: text.to_string(),
            })
            .collect()
    }

    #[test]
    fn exact_lines_pass_and_keep_their_text() {
        let out = printed(&[(0.0, "a"), (1.0, "b ")]);
        let v = judge(&expect(&["a", "b", ""], false), &out, Some(1.0));
        assert!(v.passed);
        assert_eq!(v.actual, ["a", "b"]);
    }

    #[test]
    fn ellipsis_matches_any_run_including_none() {
        let out = printed(&[(0.0, "a"), (0.0, "x"), (0.0, "y"), (0.0, "b")]);
        for lines in [
            &["a", "...", "b"][..],
            &["...", "b"],
            &["a", "..."],
            &["..."],
            &["a", "...", "x", "...", "b"],
            &["a", "x", "y", "...", "b"],
        ] {
            assert!(judge(&expect(lines, false), &out, None).passed, "{lines:?}");
        }
        for lines in [
            &["a", "...", "c"][..],
            &["...", "y"],
            &["b", "..."],
            &["a", "...", "x", "a", "..."],
        ] {
            assert!(
                !judge(&expect(lines, false), &out, None).passed,
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_wrong_line_shows_in_the_expectations_style() {
        let out = printed(&[(0.0, "start"), (1.0, "x"), (2.0, "Done: user")]);
        let v = judge(
            &expect(&["[0.0s] start", "...", "[2.0s] Done: users"], false),
            &out,
            None,
        );
        assert!(!v.passed);
        assert_eq!(v.actual, ["[0.0s] start", "...", "[2.0s] Done: user"]);
    }

    #[test]
    fn stamps_are_checked() {
        let out = printed(&[(2.0, "Done"), (3.0000001, "Also")]);
        assert!(
            judge(
                &expect(&["[2.000s] Done", "[3.000s] Also"], false),
                &out,
                None
            )
            .passed
        );
        let v = judge(&expect(&["[1.000s] Done", "Also"], false), &out, None);
        assert!(!v.passed);
        assert_eq!(v.actual, ["[2.000s] Done", "Also"]);
        // Printed text that itself looks like a stamp still matches literally.
        let literal = printed(&[(0.0, "[9s] tick")]);
        assert!(judge(&expect(&["[9s] tick"], false), &literal, None).passed);
    }

    #[test]
    fn elapsed_is_checked_and_rewritten_with_the_same_precision() {
        let out = printed(&[(0.0, "a")]);
        assert!(judge(&expect(&["a", "elapsed: 3.0s"], false), &out, Some(3.0)).passed);
        let v = judge(&expect(&["a", "elapsed: 5.0s"], false), &out, Some(3.0));
        assert!(!v.passed);
        assert_eq!(v.actual, ["a", "elapsed: 3.0s"]);
        // A program printing the line itself.
        let own = printed(&[(0.0, "a"), (0.0, "elapsed: 7s")]);
        assert!(judge(&expect(&["a", "elapsed: 7s"], false), &own, Some(0.0)).passed);
    }

    #[test]
    fn unordered_compares_multisets() {
        let out = printed(&[(1.0, "b"), (1.0, "a"), (2.0, "a")]);
        assert!(judge(&expect(&["a", "a", "b"], true), &out, None).passed);
        assert!(judge(&expect(&["a", "[2s] a", "b"], true), &out, None).passed);
        assert!(judge(&expect(&["a", "..."], true), &out, None).passed);
        let v = judge(&expect(&["a", "c", "b"], true), &out, None);
        assert!(!v.passed);
        assert_eq!(v.actual, ["a", "a", "b"]);
        let v = judge(&expect(&["c", "[1s] b"], true), &out, None);
        assert_eq!(v.actual, ["[1s] a", "[1s] b", "[2s] a"]);
    }

    #[test]
    fn wrong_order_fails_when_ordered() {
        let out = printed(&[(0.0, "b"), (0.0, "a")]);
        let v = judge(&expect(&["a", "b"], false), &out, None);
        assert!(!v.passed);
        assert_eq!(v.actual, ["b", "a"]);
    }

    #[test]
    fn addresses_are_masked() {
        assert!(same_text(
            "<coroutine object f at 0x...>",
            "<coroutine object f at 0x7f3a1c0005a0>"
        ));
        assert!(same_text(
            "at 0x7f3a1c0005a0 and 0x…",
            "at 0x1234567 and 0xabcdef0"
        ));
        assert!(!same_text("0xff", "0xfe"));
        assert!(!same_text("a0x123456", "a0x654321"));
        assert_eq!(mask("0x"), "0x");
        assert_eq!(mask("é0x1234567é"), "é0x…é");
    }

    #[test]
    fn failing_alignment_keeps_absorbed_runs_as_ellipsis() {
        let out = printed(&[(0.0, "a"), (0.0, "b"), (0.0, "c"), (0.0, "y")]);
        let v = judge(&expect(&["a", "...", "z"], false), &out, None);
        assert!(!v.passed);
        assert_eq!(v.actual, ["a", "...", "y"]);
        let v = judge(&expect(&["a", "b"], false), &printed(&[]), None);
        assert_eq!(v.actual, Vec::<String>::new());
    }
}
