//! `quiz make`: drafts a quiz from programs. Each program is run once
//! (watching its sleeps), questions are generated from what the run shows
//! (the elapsed time against plausible wrong totals, the first and last
//! line, the whole output, the exception), and only those that `quiz check`
//! finds right are kept.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::check::{check_question, Outcome};
use super::claims::seconds;
use super::emit::quiz_to_toml;
use super::facts::{Facts, TimedLine};
use super::format::{Answer, Choice, Claims, Question, Quiz};
use crate::runner::{run_isolated, RunOptions};
use crate::vm::SchedulerObserver;

/// Longest output that gets a "what does it print?" question.
const MAX_OUTPUT_LINES: usize = 15;
/// Choices per multiple-choice question, at most.
const MAX_CHOICES: usize = 4;
/// Wrong exception names offered beside the real one.
const EXCEPTION_POOL: &[&str] = &[
    "RuntimeError",
    "TimeoutError",
    "CancelledError",
    "TypeError",
    "ValueError",
    "SyntaxError",
];

pub fn default_title(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
        .collect();
    format!("Quiz on {}", names.join(", "))
}

/// The quiz, as TOML, for `(path, source)` programs.
pub fn make_quiz(title: &str, programs: &[(PathBuf, String)]) -> String {
    let questions = programs
        .iter()
        .flat_map(|(path, source)| questions_for(path, source))
        .collect();
    quiz_to_toml(&Quiz {
        title: title.to_owned(),
        questions,
    })
}

/// The verified questions about one program.
pub fn questions_for(path: &Path, source: &str) -> Vec<Question> {
    let stem = id_stem(path);
    let (facts, sleeps) = observed_run(&format!("{stem}.py"), source);
    let candidates = [
        elapsed_question(&stem, source, &facts, &sleeps),
        edge_line_question(&stem, source, &facts, Edge::First),
        edge_line_question(&stem, source, &facts, Edge::Last),
        output_question(&stem, source, &facts),
        raises_question(&stem, source, &facts),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|question| check_question(question).outcome == Outcome::Right)
        .collect()
}

fn id_stem(path: &Path) -> String {
    let stem = path.file_stem().map_or_else(
        || "program".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn question(
    stem: &str,
    kind: &str,
    ask: &str,
    source: &str,
    answer: Answer,
    explain: String,
) -> Question {
    Question {
        id: format!("{stem}-{kind}"),
        ask: ask.to_owned(),
        code: Some(source.to_owned()),
        answer,
        explain: Some(explain),
    }
}

/// Multiple choice with the choices sorted by `order`; `truth` is the
/// text of the true one.
fn choices_answer(mut choices: Vec<Choice>, truth: &str, order: impl Fn(&Choice) -> f64) -> Answer {
    choices.sort_by(|a, b| {
        order(a)
            .total_cmp(&order(b))
            .then_with(|| a.text.cmp(&b.text))
    });
    let key = choices.iter().position(|c| c.text == truth).unwrap_or(0);
    Answer::Choices { choices, key }
}

fn elapsed_question(stem: &str, source: &str, facts: &Facts, sleeps: &[f64]) -> Option<Question> {
    let real = round_ms(facts.elapsed);
    let written = written_sleeps(source);
    let sum = sleeps.iter().sum::<f64>();
    let longest = sleeps.iter().copied().fold(0.0, f64::max);
    let candidates = [
        real,
        sum,
        longest,
        written.iter().sum::<f64>(),
        0.0,
        real * 2.0,
        real + 1.0,
    ];
    let mut values: Vec<f64> = Vec::new();
    for value in candidates.map(round_ms) {
        if values.len() < MAX_CHOICES && !values.contains(&value) {
            values.push(value);
        }
    }
    let choices = values
        .iter()
        .map(|value| Choice {
            text: seconds_phrase(*value),
            claims: Claims {
                elapsed: Some(*value),
                ..Claims::default()
            },
        })
        .collect();
    let mut explain = format!("The run takes {} of virtual time.", seconds(facts.elapsed));
    if !sleeps.is_empty() {
        explain.push_str(&format!(
            " Its sleeps add up to {} and the longest is {}",
            seconds(sum),
            seconds(longest)
        ));
        let (real, sum, longest) = (real, round_ms(sum), round_ms(longest));
        if sleeps.len() > 1 && real == longest && sum > longest {
            explain.push_str(": the waits overlap, so the total is the longest one, not the sum.");
        } else if sleeps.len() > 1 && real == sum {
            explain.push_str(": the waits come one after another, so they add up.");
        } else {
            explain.push('.');
        }
    }
    let answer = choices_answer(choices, &seconds_phrase(real), |c| {
        c.claims.elapsed.unwrap_or(0.0)
    });
    Some(question(
        stem,
        "elapsed",
        "How long does this program take to run (in virtual seconds)?",
        source,
        answer,
        explain,
    ))
}

#[derive(Clone, Copy, PartialEq)]
enum Edge {
    First,
    Last,
}

fn edge_line_question(stem: &str, source: &str, facts: &Facts, edge: Edge) -> Option<Question> {
    let eligible: Vec<&TimedLine> = facts
        .lines
        .iter()
        .filter(|l| fit_for_choice(&l.text))
        .collect();
    let line = match edge {
        Edge::First => facts.lines.first(),
        Edge::Last => facts.lines.last(),
    }?;
    if !fit_for_choice(&line.text) {
        return None;
    }
    let mut texts = vec![line.text.trim().to_owned()];
    for other in &eligible {
        let text = other.text.trim();
        if texts.len() < MAX_CHOICES && !texts.iter().any(|t| t == text) {
            texts.push(text.to_owned());
        }
    }
    if texts.len() < 2 {
        return None;
    }
    let (kind, word) = match edge {
        Edge::First => ("first-line", "first"),
        Edge::Last => ("last-line", "last"),
    };
    let choices = texts
        .iter()
        .map(|text| {
            let claims = match edge {
                Edge::First => Claims {
                    first_line: Some(text.clone()),
                    ..Claims::default()
                },
                Edge::Last => Claims {
                    last_line: Some(text.clone()),
                    ..Claims::default()
                },
            };
            Choice {
                text: text.clone(),
                claims,
            }
        })
        .collect();
    let explain = format!(
        "{:?} is printed {word}, at {} of virtual time.",
        line.text.trim(),
        seconds(line.time)
    );
    let answer = choices_answer(choices, &texts[0], |_| 0.0);
    Some(question(
        stem,
        kind,
        &format!("Which line does this program print {word}?"),
        source,
        answer,
        explain,
    ))
}

/// A line a learner can tell apart: not blank, no object address (those
/// differ from CPython's).
fn fit_for_choice(text: &str) -> bool {
    !text.trim().is_empty() && !has_address(text)
}

fn has_address(text: &str) -> bool {
    text.match_indices("0x")
        .any(|(at, _)| text[at + 2..].starts_with(|c: char| c.is_ascii_hexdigit()))
}

fn output_question(stem: &str, source: &str, facts: &Facts) -> Option<Question> {
    if facts.stdout.is_empty() || facts.lines.len() > MAX_OUTPUT_LINES || has_address(&facts.stdout)
    {
        return None;
    }
    let explain = match (facts.lines.first(), facts.lines.last()) {
        (Some(first), Some(last)) if facts.lines.len() > 1 => format!(
            "The lines are printed between {} and {} of virtual time.",
            seconds(first.time),
            seconds(last.time)
        ),
        _ => "That is the whole output.".to_owned(),
    };
    Some(question(
        stem,
        "output",
        "What does this program print?",
        source,
        Answer::Expect(Claims {
            output: Some(facts.stdout.clone()),
            ..Claims::default()
        }),
        explain,
    ))
}

fn raises_question(stem: &str, source: &str, facts: &Facts) -> Option<Question> {
    let line = facts.exception.as_deref()?;
    let name = facts.exception_type()?;
    let short = name.rsplit('.').next().unwrap_or(name).to_owned();
    let mut names = vec![short.clone()];
    for other in EXCEPTION_POOL {
        if names.len() < MAX_CHOICES && *other != short {
            names.push((*other).to_owned());
        }
    }
    let choices = names
        .iter()
        .map(|n| Choice {
            text: format!("It raises {n}"),
            claims: Claims {
                raises: Some(n.clone()),
                ..Claims::default()
            },
        })
        .collect();
    let answer = choices_answer(choices, &format!("It raises {short}"), |_| 0.0);
    Some(question(
        stem,
        "raises",
        "Which exception stops this program?",
        source,
        answer,
        format!("The program stops with: {line}"),
    ))
}

/// Rounded to the millisecond; `+ 0.0` turns `-0.0` (an empty sum) into `0.0`.
fn round_ms(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0 + 0.0
}

/// `1 second`, `2.5 seconds`.
fn seconds_phrase(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let unit = if text == "1" { "second" } else { "seconds" };
    format!("{text} {unit}")
}

/// Number literals passed to a `sleep(...)` call in the source, for a
/// distractor when the run itself sleeps less (a coroutine never awaited).
fn written_sleeps(source: &str) -> Vec<f64> {
    source
        .match_indices("sleep(")
        .filter_map(|(at, call)| {
            let rest = &source[at + call.len()..];
            let end = rest.find([')', ','])?;
            rest[..end].trim().parse::<f64>().ok()
        })
        .filter(|v| v.is_finite() && *v > 0.0)
        .collect()
}

/// Runs the program, recording the scheduler's events to find its sleeps.
fn observed_run(filename: &str, source: &str) -> (Facts, Vec<f64>) {
    let events = Arc::new(Mutex::new(Vec::new()));
    let options = RunOptions {
        capture: true,
        argv: vec![filename.to_owned()],
        observer: Some(Box::new(EventLog(events.clone()))),
        ..RunOptions::default()
    };
    let facts = Facts::from_outcome(&run_isolated(filename, source, options));
    let events = events.lock().map(|e| e.clone()).unwrap_or_default();
    (facts, sleep_durations(&events))
}

/// (virtual time, kind, detail) of each scheduling event.
type Event = (f64, String, String);

struct EventLog(Arc<Mutex<Vec<Event>>>);

impl SchedulerObserver for EventLog {
    fn event(&mut self, time: f64, kind: &str, _task: &str, detail: &str) {
        if let Ok(mut events) = self.0.lock() {
            events.push((time, kind.to_owned(), detail.to_owned()));
        }
    }
}

/// The sleeps a run made: `asyncio.sleep(d)` (a task suspended on
/// `sleep(d)`), `time.sleep` in a thread (`thread_sleeping` until its wake
/// time), and `time.sleep` on the loop (a `clock` jump that is not the
/// loop's own `clock_advanced`).
fn sleep_durations(events: &[Event]) -> Vec<f64> {
    let mut sleeps = Vec::new();
    let mut previous_time = 0.0;
    let mut jump: Option<f64> = None;
    for (time, kind, detail) in events {
        if let Some(length) = jump.take() {
            if kind != "clock_advanced" {
                sleeps.push(length);
            }
        }
        match kind.as_str() {
            "task_suspended" => {
                let length = detail
                    .strip_prefix("sleep(")
                    .and_then(|rest| rest.strip_suffix(')'))
                    .and_then(|value| value.parse::<f64>().ok());
                sleeps.extend(length.filter(|v| *v > 0.0));
            }
            "thread_sleeping" => {
                if let Ok(wake) = detail.parse::<f64>() {
                    sleeps.push(wake - time);
                }
            }
            "clock" => jump = Some(time - previous_time),
            _ => {}
        }
        previous_time = *time;
    }
    sleeps.extend(jump);
    sleeps.retain(|v| v.is_finite() && *v > 0.0);
    sleeps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_seconds() {
        assert_eq!(seconds_phrase(1.0), "1 second");
        assert_eq!(seconds_phrase(2.5), "2.5 seconds");
        assert_eq!(seconds_phrase(0.0), "0 seconds");
    }

    #[test]
    fn finds_written_sleeps_and_addresses() {
        let source = "await asyncio.sleep(1.5)\ntime.sleep(2)\nawait asyncio.sleep(delay)\n";
        assert_eq!(written_sleeps(source), [1.5, 2.0]);
        assert!(has_address("<coroutine object f at 0x7f3a>"));
        assert!(!has_address("0x"));
    }

    #[test]
    fn tells_loop_jumps_from_blocking_sleeps() {
        let event = |t: f64, k: &str, d: &str| (t, k.to_owned(), d.to_owned());
        let events = [
            event(0.0, "task_suspended", "sleep(2)"),
            event(5.0, "clock", "5.0"),
            event(5.0, "task_resumed", ""),
            event(7.0, "clock", "7.0"),
            event(7.0, "clock_advanced", "7.0"),
        ];
        assert_eq!(sleep_durations(&events), [2.0, 5.0]);
    }
}
