//! Running a question's code once, and reading off the facts that claims
//! talk about: the output line by line with virtual times, the elapsed
//! time, the uncaught exception and the warnings.

use serde::Serialize;

use crate::runner::{run_isolated, RunOptions, RunOutcome};

/// What one run of a question's code showed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    pub stdout: String,
    /// Each stdout line with the virtual time it was printed.
    pub lines: Vec<TimedLine>,
    pub stderr: String,
    pub status: i32,
    /// Virtual seconds.
    pub elapsed: f64,
    /// The last line of the uncaught exception's traceback (`ValueError: boom`).
    pub exception: Option<String>,
    /// stderr lines that are warnings.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimedLine {
    pub time: f64,
    pub text: String,
}

/// Runs `code` on the virtual clock as a file called `filename`.
pub fn run_code(filename: &str, code: &str) -> Facts {
    let options = RunOptions {
        capture: true,
        argv: vec![filename.to_owned()],
        ..RunOptions::default()
    };
    Facts::from_outcome(&run_isolated(filename, code, options))
}

/// The file name a question's code runs as: its id, made safe for a name.
pub fn program_name(id: &str) -> String {
    let stem: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{stem}.py")
}

impl Facts {
    pub fn from_outcome(outcome: &RunOutcome) -> Facts {
        let lines = outcome
            .timed_lines()
            .into_iter()
            .map(|(time, text)| TimedLine { time, text })
            .collect();
        let exception = if outcome.status == 0 {
            None
        } else {
            uncaught_exception(&outcome.stderr)
        };
        Facts {
            stdout: outcome.stdout.clone(),
            lines,
            stderr: outcome.stderr.clone(),
            status: outcome.status,
            elapsed: outcome.elapsed,
            exception,
            warnings: warning_lines(&outcome.stderr),
        }
    }

    /// The exception's type as printed (`asyncio.exceptions.CancelledError`).
    pub fn exception_type(&self) -> Option<&str> {
        self.exception
            .as_deref()
            .map(|line| line.split_once(": ").map_or(line, |(name, _)| name))
    }

    /// How the run ended, as a phrase: "raises ValueError: boom".
    pub fn ending(&self) -> String {
        match (&self.exception, self.status) {
            (Some(line), _) => format!("raises {line}"),
            (None, 0) => "raises no exception (exit status 0)".to_owned(),
            (None, status) => {
                let last = self.stderr.lines().rev().find(|l| !l.trim().is_empty());
                match last {
                    Some(line) => format!("stops with exit status {status}: {}", line.trim()),
                    None => format!("stops with exit status {status}"),
                }
            }
        }
    }
}

/// The exception line of the last top-level traceback in `stderr`: the
/// first unindented line after `Traceback (most recent call last):`, or the
/// `| Name: message` line of an exception group. A SyntaxError has no
/// traceback header: its line follows the `  File "...", line N` block.
fn uncaught_exception(stderr: &str) -> Option<String> {
    const HEADER: &str = "Traceback (most recent call last):";
    const GROUP_HEADER: &str = "  + Exception Group Traceback (most recent call last):";
    let mut found = None;
    let mut pending: Option<&str> = None;
    let mut saw_header = false;
    for line in stderr.lines() {
        if line == HEADER {
            pending = Some("");
            saw_header = true;
            continue;
        }
        if line == GROUP_HEADER {
            pending = Some("  | ");
            saw_header = true;
            continue;
        }
        if let Some(prefix) = pending {
            if let Some(rest) = line.strip_prefix(prefix) {
                if looks_like_exception(rest) {
                    found = Some(rest.to_owned());
                    pending = None;
                }
            }
        }
    }
    if saw_header {
        return found;
    }
    let mut after_location = false;
    for line in stderr.lines() {
        if line.starts_with("  File \"") {
            after_location = true;
        } else if after_location && looks_like_exception(line) {
            return Some(line.to_owned());
        }
    }
    None
}

/// `Name` or `dotted.Name: message` at the start of a line.
fn looks_like_exception(line: &str) -> bool {
    let name = line.split_once(": ").map_or(line, |(name, _)| name);
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// Lines such as `x.py:4: RuntimeWarning: coroutine 'f' was never awaited`.
fn warning_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|line| {
            line.split(": ").any(|part| {
                let word = part.rsplit(' ').next().unwrap_or(part);
                word.ends_with("Warning") && looks_like_exception(word)
            })
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_final_exception_of_a_chain() {
        let stderr = "Traceback (most recent call last):\n  File \"x.py\", line 3, in f\n    g()\n\
            asyncio.exceptions.CancelledError\n\nThe above exception was the direct cause of the following exception:\n\n\
            Traceback (most recent call last):\n  File \"x.py\", line 9, in <module>\nTimeoutError\n";
        assert_eq!(uncaught_exception(stderr).as_deref(), Some("TimeoutError"));
    }

    #[test]
    fn finds_exception_groups_and_syntax_errors() {
        let group = "  + Exception Group Traceback (most recent call last):\n  |   File \"x.py\", line 1\n\
            | x\n  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n  +-+---- 1 ----\n\
            \x20   | Traceback (most recent call last):\n    | ValueError: v\n";
        assert_eq!(
            uncaught_exception(group).as_deref(),
            Some("ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)")
        );
        let syntax = "  File \"x.py\", line 8\n    await f()\n    ^^^^^^^^^\nSyntaxError: 'await' outside async function\n";
        assert_eq!(
            uncaught_exception(syntax).as_deref(),
            Some("SyntaxError: 'await' outside async function")
        );
    }

    #[test]
    fn warnings_are_not_exceptions() {
        let stderr = "sys:1: RuntimeWarning: coroutine 'f' was never awaited\n\
            RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
        assert_eq!(uncaught_exception(stderr), None);
        assert_eq!(warning_lines(stderr).len(), 2);
    }
}
