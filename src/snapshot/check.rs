//! Running one example on the virtual clock and checking each of its
//! claims: how it ends (no uncaught exception, or the one it says it
//! raises), what each block printed and when, stderr, `#> ` comments.

use std::time::Instant;

use super::arrows;
use super::example::{Example, Location, OutputClaim, Stream};
use super::markers::Marked;
use super::matching::{judge, mask, Printed};
use super::update::{rewrite, Edit};
use crate::runner::{run_isolated, RunOptions, RunOutcome};
use crate::vm::Limits;

/// One claim that does not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// Where the claim is written.
    pub at: Location,
    pub message: String,
    /// More text to show as is (the traceback of an unexpected exception).
    pub detail: Option<String>,
    /// Expected and actual lines, for a diff.
    pub diff: Option<(Vec<String>, Vec<String>)>,
    /// Whether `--update` can make the claim true (an edit was made for it).
    pub rewritable: bool,
}

impl Failure {
    pub fn new(at: Location, message: impl Into<String>) -> Failure {
        Failure {
            at,
            message: message.into(),
            detail: None,
            diff: None,
            rewritable: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Passed,
    Failed,
    Skipped,
}

/// What checking an example found.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub at: Location,
    pub status: Status,
    pub failures: Vec<Failure>,
    /// Rewrites that make the failing expected outputs true (used by
    /// `--update`); only offered when the program ended as claimed.
    pub edits: Vec<Edit>,
    /// Virtual seconds the program took (`None` when it did not run).
    pub elapsed: Option<f64>,
    /// Real seconds spent checking.
    pub duration: f64,
}

/// Runs `example` on kairos, within `limits`, and checks its claims.
pub fn check(example: &Example, limits: Limits) -> Checked {
    check_with(example, &|source: &str| run(example, source, limits))
}

/// Checks `example` with `run` running a program text (the example's own,
/// or one instrumented for `#> ` comments): kairos, or a reference.
pub fn check_with(example: &Example, run: &dyn Fn(&str) -> RunOutcome) -> Checked {
    let started = Instant::now();
    let mut checked = Checked {
        at: example.at.clone(),
        status: Status::Failed,
        failures: Vec::new(),
        edits: Vec::new(),
        elapsed: None,
        duration: 0.0,
    };
    if example.skip {
        checked.status = Status::Skipped;
        return checked;
    }
    if example.problems.is_empty() {
        run_and_judge(example, run, &mut checked);
    } else {
        checked.failures = example
            .problems
            .iter()
            .map(|(at, message)| Failure::new(at.clone(), message.clone()))
            .collect();
    }
    if checked.failures.is_empty() {
        checked.status = Status::Passed;
    }
    checked.duration = started.elapsed().as_secs_f64();
    checked
}

fn run_and_judge(example: &Example, run: &dyn Fn(&str) -> RunOutcome, checked: &mut Checked) {
    let outcome = run(&example.source);
    checked.elapsed = Some(outcome.elapsed);
    let marked = Marked::split(&outcome.stdout, &outcome.stdout_times);
    let wrong = wrong_ending(example, &outcome);
    let ended_as_claimed = wrong.is_none();
    checked.failures.extend(wrong);
    for claim in &example.outputs {
        judge_output(claim, &outcome, &marked, ended_as_claimed, checked);
    }
    if example.blocks.iter().any(|b| b.has_comments) {
        judge_comments(example, &marked, run, ended_as_claimed, checked);
    }
}

/// Runs a program text of `example` on kairos, capturing its output.
fn run(example: &Example, source: &str, limits: Limits) -> RunOutcome {
    let options = RunOptions {
        capture: true,
        limits,
        observer: None,
        argv: vec![example.name.clone()],
    };
    run_isolated(&example.name, source, options)
}

/// How the program did not end as claimed, if it did not: it must end
/// with the exception it says it raises, else without an uncaught
/// exception (unless its stderr is itself an expected output).
fn wrong_ending(example: &Example, outcome: &RunOutcome) -> Option<Failure> {
    let raised = raised_exception(&outcome.stderr);
    let message = match (&example.raises, outcome.status) {
        (Some(claimed), 1)
            if raised
                .as_deref()
                .is_some_and(|r| same_exception(r, claimed)) =>
        {
            return None
        }
        (Some(claimed), 0) => {
            format!("expected the example to raise {claimed}, but it finished without an exception")
        }
        (Some(claimed), status) => match &raised {
            Some(other) => {
                format!("expected the example to raise {claimed}, but it raised {other}")
            }
            None => format!(
                "expected the example to raise {claimed}, but it stopped with exit status {status}"
            ),
        },
        (None, 0) => return None,
        (None, _) if example.claims_stderr() => return None,
        (None, status) => match &raised {
            Some(name) if status == 1 => {
                format!("the example raised {name} (an uncaught exception)")
            }
            _ => format!("the example stopped with exit status {status}"),
        },
    };
    let mut failure = Failure::new(example.at.clone(), message);
    failure.detail = (!outcome.stderr.is_empty()).then(|| outcome.stderr.clone());
    Some(failure)
}

/// The exception the last traceback on stderr ends with: the first line at
/// the margin after its last frame (warnings may follow it), or for an
/// exception group the group's own line (`  | ExceptionGroup: ...`).
fn raised_exception(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let group = lines
        .iter()
        .rposition(|l| l.starts_with("  + Exception Group Traceback"));
    let frame = lines.iter().rposition(|l| l.starts_with("  File \""));
    match (group, frame) {
        (Some(group), frame) if frame.is_none_or(|f| f < group) => lines[group + 1..]
            .iter()
            .filter_map(|l| l.strip_prefix("  | "))
            .find(|rest| !rest.starts_with(' '))
            .and_then(exception_name),
        (_, Some(frame)) => lines[frame + 1..]
            .iter()
            .find(|l| !l.is_empty() && !l.starts_with(' '))
            .and_then(|line| exception_name(line)),
        _ => lines
            .iter()
            .rev()
            .find(|l| !l.trim().is_empty())
            .and_then(|line| exception_name(line)),
    }
}

/// `Name` of a line `Name` or `Name: message`, when it is a dotted name.
fn exception_name(line: &str) -> Option<String> {
    let name = line.split_once(':').map_or(line, |(name, _)| name);
    let valid = !name.is_empty()
        && name.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_alphanumeric() || c == '_')
        });
    valid.then(|| name.to_owned())
}

/// `asyncio.TimeoutError` names the built-in `TimeoutError`, and
/// `CancelledError` the traceback's `asyncio.exceptions.CancelledError`:
/// names are compared by their last component.
fn same_exception(raised: &str, claimed: &str) -> bool {
    let last = |name: &str| name.rsplit('.').next().unwrap_or(name).to_owned();
    last(raised) == last(claimed)
}

/// The virtual time at which block `n` finished: when the next marked
/// block began, or the end of the run.
fn block_end(marked: &Marked, block: usize, total: f64) -> f64 {
    marked
        .block_starts
        .iter()
        .find(|(n, _)| *n > block)
        .map_or(total, |(_, time)| *time)
}

fn judge_output(
    claim: &OutputClaim,
    outcome: &RunOutcome,
    marked: &Marked,
    may_update: bool,
    checked: &mut Checked,
) {
    let (printed, elapsed, what): (Vec<Printed>, f64, &str) = match claim.stream {
        Stream::Stdout { block } => {
            // A block continuing another is timed from its own start.
            let start = match block {
                0 => 0.0,
                _ => marked.block_start(block).unwrap_or(outcome.elapsed),
            };
            let lines = marked
                .lines(|p| p.block == block)
                .into_iter()
                .map(|line| Printed {
                    time: line.time - start,
                    text: line.text,
                });
            let elapsed = block_end(marked, block, outcome.elapsed) - start;
            (lines.collect(), elapsed, "output")
        }
        Stream::Stderr => {
            let lines = outcome.stderr.lines().map(|text| Printed {
                time: 0.0,
                text: text.to_owned(),
            });
            (lines.collect(), outcome.elapsed, "stderr")
        }
    };
    let verdict = judge(&claim.expect, &printed, Some(elapsed));
    if verdict.passed {
        return;
    }
    let mut failure = Failure::new(claim.at.clone(), format!("{what} differs"));
    if may_update {
        match claim.target.as_ref().map(|t| rewrite(t, &verdict.actual)) {
            Some(Ok(edit)) => {
                checked.edits.push(edit);
                failure.rewritable = true;
            }
            Some(Err(message)) => failure.detail = Some(message),
            None => {
                failure.detail = Some("cannot update: the output fence is not closed".to_owned())
            }
        }
    }
    failure.diff = Some((verdict.expected, verdict.actual));
    checked.failures.push(failure);
}

/// `#> ` comments: a second run with every print statement marked tells
/// which call printed what.
fn judge_comments(
    example: &Example,
    marked: &Marked,
    run: &dyn Fn(&str) -> RunOutcome,
    may_update: bool,
    checked: &mut Checked,
) {
    let sites = arrows::sites(&example.source);
    let instrumented = run(&arrows::instrument(&example.source, &sites));
    let by_site = Marked::split(&instrumented.stdout, &instrumented.stdout_times);
    // Object addresses may differ between the two runs.
    if mask(&by_site.text()) != mask(&marked.text()) {
        checked.failures.push(Failure::new(
            example.at.clone(),
            "cannot check `#> ` comments: the program printed something else when its print calls were traced",
        ));
        return;
    }
    for block in example.blocks.iter().filter(|b| b.has_comments) {
        if let Some((mut failure, edits)) = arrows::judge_block(block, &sites, &by_site) {
            if may_update {
                checked.edits.extend(edits);
                failure.rewritable = true;
            }
            checked.failures.push(failure);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_exception_a_traceback_ends_with() {
        let plain = "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\nValueError: bad: worse\n";
        assert_eq!(raised_exception(plain).as_deref(), Some("ValueError"));
        let bare = "Traceback (most recent call last):\nasyncio.exceptions.CancelledError\n";
        assert_eq!(
            raised_exception(bare).as_deref(),
            Some("asyncio.exceptions.CancelledError")
        );
        let syntax = "  File \"x.md\", line 7\n    await main()\n    ^^^^^^^^^^^^\nSyntaxError: 'await' outside function\n";
        assert_eq!(raised_exception(syntax).as_deref(), Some("SyntaxError"));
        let group = "  + Exception Group Traceback (most recent call last):\n  |   File \"x.py\", line 1, in <module>\n  | ExceptionGroup: errors (1 sub-exception)\n  +-+---------------- 1 ----------------\n    | ValueError: v\n    +------------------------------------\n";
        assert_eq!(raised_exception(group).as_deref(), Some("ExceptionGroup"));
        assert_eq!(raised_exception(""), None);
        let warned = format!("{plain}sys:1: RuntimeWarning: coroutine 'f' was never awaited\n");
        assert_eq!(raised_exception(&warned).as_deref(), Some("ValueError"));
        let chained = format!("{group}\nDuring handling of the above exception, another exception occurred:\n\n{plain}");
        assert_eq!(raised_exception(&chained).as_deref(), Some("ValueError"));
        assert_eq!(raised_exception("deadlock: task t waits\n  forever"), None);
    }

    #[test]
    fn exception_names_compare_by_last_component() {
        assert!(same_exception("TimeoutError", "asyncio.TimeoutError"));
        assert!(same_exception(
            "asyncio.exceptions.CancelledError",
            "CancelledError"
        ));
        assert!(!same_exception("ValueError", "TypeError"));
    }
}
