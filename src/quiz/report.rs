//! The `quiz check` report: per question whether the key is right, wrong
//! (with the true choice and the evidence) or ambiguous; then the totals.
//! As text for people, or as JSON (`--format json`) for tools.

use serde::Serialize;

use super::check::{ChoiceCheck, Outcome, QuestionCheck};
use super::claims::{quote_short, seconds, Verdict};
use super::facts::Facts;
use super::style::{Color, Style};

/// How many output lines a failing question's report shows.
const RUN_LINES_SHOWN: usize = 12;

/// One quiz file: checked, or the reasons it could not be.
#[derive(Debug, Clone, Serialize)]
pub struct FileCheck {
    pub path: String,
    pub title: Option<String>,
    pub questions: Vec<QuestionCheck>,
    /// Why the file could not be read or is not a valid quiz.
    pub errors: Vec<String>,
    /// The file could not be read at all (a usage error, exit status 2).
    #[serde(skip)]
    pub unreadable: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub passed: usize,
    pub failed: usize,
    pub not_executable: usize,
    pub invalid_files: usize,
}

impl Totals {
    pub fn of(files: &[FileCheck]) -> Totals {
        let mut totals = Totals::default();
        for file in files {
            if !file.errors.is_empty() {
                totals.invalid_files += 1;
            }
            for question in &file.questions {
                match question.outcome {
                    Outcome::Right => totals.passed += 1,
                    Outcome::NotExecutable => totals.not_executable += 1,
                    _ => totals.failed += 1,
                }
            }
        }
        totals
    }

    pub fn all_good(&self) -> bool {
        self.failed == 0 && self.invalid_files == 0
    }

    /// `N passed, N failed`, with what else there is to say in brackets.
    pub fn closing_line(&self) -> String {
        let mut line = format!("{} passed, {} failed", self.passed, self.failed);
        let mut notes = Vec::new();
        if self.not_executable > 0 {
            notes.push(format!("{} not executable", self.not_executable));
        }
        if self.invalid_files > 0 {
            let files = if self.invalid_files == 1 {
                "file"
            } else {
                "files"
            };
            notes.push(format!("{} invalid quiz {files}", self.invalid_files));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join(", ")));
        }
        line
    }
}

pub fn render_json(files: &[FileCheck]) -> String {
    #[derive(Serialize)]
    struct Report<'a> {
        files: &'a [FileCheck],
        totals: Totals,
    }
    let report = Report {
        files,
        totals: Totals::of(files),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn render_text(files: &[FileCheck], style: Style) -> String {
    let mut out = String::new();
    for file in files {
        let heading = match &file.title {
            Some(title) => format!("{}: {title}", file.path),
            None => file.path.clone(),
        };
        out.push_str(&style.paint(Color::Bold, &heading));
        out.push('\n');
        for error in &file.errors {
            out.push_str(&format!(
                "  {} {error}\n",
                style.paint(Color::Red, "error:")
            ));
        }
        for question in &file.questions {
            render_question(&mut out, question, style);
        }
    }
    out.push('\n');
    let totals = Totals::of(files);
    let color = if totals.all_good() {
        Color::Green
    } else {
        Color::Red
    };
    out.push_str(&style.paint(color, &totals.closing_line()));
    out.push('\n');
    out
}

/// Width of the status column.
const LABEL_WIDTH: usize = 10;

fn render_question(out: &mut String, check: &QuestionCheck, style: Style) {
    let (label, color, summary) = summarise(check);
    let padded = format!("{label:<LABEL_WIDTH$}");
    out.push_str(&format!(
        "  {} {}: {summary}\n",
        style.paint(color, &padded),
        check.id
    ));
    if check.outcome.passed() || check.outcome == Outcome::NotExecutable {
        return;
    }
    let indent = " ".repeat(LABEL_WIDTH + 3);
    for line in evidence(check) {
        out.push_str(&format!("{indent}{line}\n"));
    }
    if let Some(facts) = &check.run {
        out.push_str(&format!("{indent}the run:\n"));
        for line in run_lines(facts, RUN_LINES_SHOWN) {
            out.push_str(&format!("{indent}  {line}\n"));
        }
    }
}

fn summarise(check: &QuestionCheck) -> (&'static str, Color, String) {
    let name = |index: usize| choice_name(&check.choices[index]);
    match &check.outcome {
        Outcome::Right if check.choices.is_empty() => (
            "ok",
            Color::Green,
            "the key is right (every expect claim holds)".to_owned(),
        ),
        Outcome::Right => {
            let keyed = check.choices.iter().position(|c| c.keyed).unwrap_or(0);
            (
                "ok",
                Color::Green,
                format!("the key is right: {}", name(keyed)),
            )
        }
        Outcome::WrongKey { keyed, true_choice } => (
            "WRONG KEY",
            Color::Red,
            format!(
                "the key is wrong: the key says {}, but {} is the true one",
                name(*keyed),
                name(*true_choice)
            ),
        ),
        Outcome::ExpectFalse => (
            "WRONG KEY",
            Color::Red,
            "the key is wrong: an expect claim is false".to_owned(),
        ),
        Outcome::Ambiguous { true_choices } if true_choices.is_empty() => {
            ("AMBIGUOUS", Color::Yellow, "no choice is true".to_owned())
        }
        Outcome::Ambiguous { true_choices } => {
            let names: Vec<String> = true_choices.iter().map(|i| name(*i)).collect();
            (
                "AMBIGUOUS",
                Color::Yellow,
                format!("{} choices are true: {}", names.len(), names.join(", ")),
            )
        }
        Outcome::NotExecutable => (
            "skip",
            Color::Dim,
            "not executable (a conceptual question)".to_owned(),
        ),
    }
}

/// `choices[1] "2 seconds"`: the index as the file counts (from 0).
fn choice_name(choice: &ChoiceCheck) -> String {
    format!("choices[{}] {}", choice.index, quote_short(&choice.text))
}

/// The claims that explain the outcome: for a wrong key, why the keyed
/// choice is false and why the true one is true; for an ambiguous question,
/// every true choice (or, when none is, why each is false).
fn evidence(check: &QuestionCheck) -> Vec<String> {
    let mut lines = Vec::new();
    match &check.outcome {
        Outcome::WrongKey { keyed, true_choice } => {
            lines.extend(choice_evidence(&check.choices[*keyed]));
            lines.extend(choice_evidence(&check.choices[*true_choice]));
        }
        Outcome::Ambiguous { true_choices } if true_choices.is_empty() => {
            for choice in &check.choices {
                lines.extend(choice_evidence(choice));
            }
        }
        Outcome::Ambiguous { true_choices } => {
            for index in true_choices {
                lines.extend(choice_evidence(&check.choices[*index]));
            }
        }
        Outcome::ExpectFalse => {
            lines.extend(check.expect.iter().filter(|v| !v.holds).map(verdict_line));
        }
        Outcome::Right | Outcome::NotExecutable => {}
    }
    lines
}

fn choice_evidence(choice: &ChoiceCheck) -> Vec<String> {
    let state = if choice.is_true { "true" } else { "false" };
    let mut lines = vec![format!("{} is {state}:", choice_name(choice))];
    // A false choice is explained by its false claims; a true one by all.
    lines.extend(
        choice
            .verdicts
            .iter()
            .filter(|v| choice.is_true || !v.holds)
            .map(|v| format!("  {}", verdict_line(v))),
    );
    lines
}

fn verdict_line(verdict: &Verdict) -> String {
    if verdict.holds {
        format!("{} holds: {}", verdict.claim, verdict.fact)
    } else {
        format!("{} is false: {}", verdict.claim, verdict.fact)
    }
}

/// The run as a learner or teacher reads it: each output line with its
/// virtual time (at most `limit` lines), the warnings, how it ended.
pub fn run_lines(facts: &Facts, limit: usize) -> Vec<String> {
    let mut lines: Vec<String> = facts
        .lines
        .iter()
        .take(limit)
        .map(|line| format!("[{}] {}", seconds(line.time), line.text))
        .collect();
    if facts.lines.is_empty() {
        lines.push("(nothing is printed)".to_owned());
    } else if facts.lines.len() > limit {
        lines.push(format!("… {} more lines", facts.lines.len() - limit));
    }
    lines.extend(facts.warnings.iter().map(|w| format!("warning: {w}")));
    lines.push(format!(
        "elapsed: {} (virtual); the program {}",
        seconds(facts.elapsed),
        facts.ending()
    ));
    lines
}
