//! Grading a learner's typed answer to an open question against the real
//! run. The question's `expect` says what kind of answer is asked for (a
//! time, a line, an exception...); the learner's text becomes a claim of
//! that kind, judged like any other.

use super::claims::{all_hold, evaluate, quote, same_line, same_millisecond, seconds};
use super::facts::Facts;
use super::format::Claims;

/// What an open question asks the learner to type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Raises,
    Elapsed,
    FirstLine,
    LastLine,
    Output,
    Order,
    OutputContains,
    Warns,
}

impl AnswerKind {
    /// The kind of the first claim present, in this order: raises, elapsed,
    /// first_line, last_line, output, order, output_contains, warns.
    pub fn of(claims: &Claims) -> AnswerKind {
        if claims.raises.is_some() {
            AnswerKind::Raises
        } else if claims.elapsed.is_some() {
            AnswerKind::Elapsed
        } else if claims.first_line.is_some() {
            AnswerKind::FirstLine
        } else if claims.last_line.is_some() {
            AnswerKind::LastLine
        } else if claims.output.is_some() {
            AnswerKind::Output
        } else if claims.order.is_some() {
            AnswerKind::Order
        } else if claims.output_contains.is_some() {
            AnswerKind::OutputContains
        } else {
            AnswerKind::Warns
        }
    }

    /// Several lines, ended by a line holding only `.` (or the end of input).
    pub fn is_multiline(self) -> bool {
        matches!(self, AnswerKind::Output | AnswerKind::Order)
    }

    pub fn prompt(self) -> &'static str {
        match self {
            AnswerKind::Raises => "Your answer (an exception name, or \"none\"): ",
            AnswerKind::Elapsed => "Your answer (seconds): ",
            AnswerKind::FirstLine | AnswerKind::LastLine => "Your answer (one line): ",
            AnswerKind::Output | AnswerKind::Order => {
                "Type the lines, then a line with only a dot (.):\n"
            }
            AnswerKind::OutputContains | AnswerKind::Warns => "Your answer: ",
        }
    }
}

/// Whether `answer` is right for this run; an error when it cannot be read
/// as an answer of that kind (the learner is asked again).
pub fn grade(
    kind: AnswerKind,
    answer: &str,
    claims: &Claims,
    facts: &Facts,
) -> Result<bool, String> {
    let answer = answer.trim_end_matches('\n');
    match kind {
        AnswerKind::Elapsed => {
            let value = parse_seconds(answer)
                .ok_or_else(|| format!("\"{answer}\" is not a number of seconds"))?;
            Ok(same_millisecond(value, facts.elapsed))
        }
        AnswerKind::Raises => {
            let answer = answer.trim();
            Ok(!answer.is_empty() && holds(claim_raises(answer), facts))
        }
        AnswerKind::FirstLine => Ok(facts
            .lines
            .first()
            .is_some_and(|l| same_line(&l.text, answer))),
        AnswerKind::LastLine => Ok(facts
            .lines
            .last()
            .is_some_and(|l| same_line(&l.text, answer))),
        AnswerKind::Output => {
            let typed: Vec<&str> = answer.lines().map(str::trim_end).collect();
            let printed: Vec<&str> = facts.lines.iter().map(|l| l.text.trim_end()).collect();
            Ok(typed == printed)
        }
        AnswerKind::Order => {
            let typed: Vec<String> = answer.lines().map(str::to_owned).collect();
            Ok(!typed.is_empty() && holds(claim_order(typed), facts))
        }
        AnswerKind::OutputContains | AnswerKind::Warns => {
            let wanted = claims
                .output_contains
                .as_deref()
                .or(claims.warns.as_deref())
                .unwrap_or_default();
            Ok(contains_ignoring_case(answer, wanted))
        }
    }
}

fn holds(claims: Claims, facts: &Facts) -> bool {
    all_hold(&evaluate(&claims, facts))
}

fn claim_raises(name: &str) -> Claims {
    Claims {
        raises: Some(name.to_owned()),
        ..Claims::default()
    }
}

fn claim_order(lines: Vec<String>) -> Claims {
    Claims {
        order: Some(lines),
        ..Claims::default()
    }
}

/// The true answer, to show after the learner's.
pub fn true_answer(kind: AnswerKind, claims: &Claims, facts: &Facts) -> String {
    match kind {
        AnswerKind::Elapsed => seconds(facts.elapsed),
        AnswerKind::Raises => facts
            .exception
            .clone()
            .unwrap_or_else(|| "no exception".to_owned()),
        AnswerKind::FirstLine => facts
            .lines
            .first()
            .map_or("that nothing is printed".into(), |l| quote(&l.text)),
        AnswerKind::LastLine => facts
            .lines
            .last()
            .map_or("that nothing is printed".into(), |l| quote(&l.text)),
        AnswerKind::Output => "the output below".to_owned(),
        AnswerKind::Order => {
            let lines: Vec<String> = claims.order.iter().flatten().map(|l| quote(l)).collect();
            lines.join(", then ")
        }
        AnswerKind::OutputContains => quote(claims.output_contains.as_deref().unwrap_or_default()),
        AnswerKind::Warns => quote(claims.warns.as_deref().unwrap_or_default()),
    }
}

/// `2`, `2.5s`, `2.5 s`, `2.5 seconds`, `1 second`.
pub fn parse_seconds(text: &str) -> Option<f64> {
    let text = text.trim().to_ascii_lowercase();
    let number = ["seconds", "second", "secs", "sec", "s"]
        .iter()
        .find_map(|unit| text.strip_suffix(unit))
        .unwrap_or(&text)
        .trim();
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.trim().to_lowercase();
    !needle.is_empty() && haystack.to_lowercase().contains(&needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_seconds_as_people_write_them() {
        assert_eq!(parse_seconds("2"), Some(2.0));
        assert_eq!(parse_seconds(" 2.5s"), Some(2.5));
        assert_eq!(parse_seconds("1 second"), Some(1.0));
        assert_eq!(parse_seconds("3 Seconds"), Some(3.0));
        assert_eq!(parse_seconds("soon"), None);
        assert_eq!(parse_seconds("inf"), None);
    }
}
