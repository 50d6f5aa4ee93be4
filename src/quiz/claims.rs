//! Evaluating claims against the facts of a run. Each claim yields a
//! verdict that carries the fact it was judged on, so a report can say why.

use serde::Serialize;

use super::facts::Facts;
use super::format::Claims;

/// One claim judged against a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// The claim as written, shortened: `elapsed = 3`, `first_line = "A"`.
    pub claim: String,
    pub holds: bool,
    /// What the run showed: "the program took 2.000s".
    pub fact: String,
}

/// Every claim of `claims`, in the order the format lists them.
pub fn evaluate(claims: &Claims, facts: &Facts) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let Some(seconds) = claims.elapsed {
        verdicts.push(elapsed(seconds, facts));
    }
    if let Some(text) = &claims.output {
        verdicts.push(output(text, facts));
    }
    if let Some(text) = &claims.output_contains {
        verdicts.push(output_contains(text, facts));
    }
    if let Some(text) = &claims.first_line {
        verdicts.push(edge_line("first_line", text, facts.lines.first(), facts));
    }
    if let Some(text) = &claims.last_line {
        verdicts.push(edge_line("last_line", text, facts.lines.last(), facts));
    }
    if let Some(lines) = &claims.order {
        verdicts.push(order(lines, facts));
    }
    if let Some(name) = &claims.raises {
        verdicts.push(raises(name, facts));
    }
    if let Some(text) = &claims.warns {
        verdicts.push(warns(text, facts));
    }
    verdicts
}

pub fn all_hold(verdicts: &[Verdict]) -> bool {
    verdicts.iter().all(|v| v.holds)
}

/// Seconds as reports show them: `2.000s`.
pub fn seconds(value: f64) -> String {
    format!("{value:.3}s")
}

/// Equal to the millisecond.
pub fn same_millisecond(a: f64, b: f64) -> bool {
    (a * 1000.0).round() == (b * 1000.0).round()
}

/// Line claims ignore spaces at either end of a line.
pub fn same_line(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// The exact output, forgiving a claim that leaves out the final newline.
pub fn same_output(stdout: &str, claimed: &str) -> bool {
    stdout == claimed || stdout.strip_suffix('\n') == Some(claimed)
}

/// A type name matches on its last dotted part (`asyncio.TimeoutError`
/// is `TimeoutError`); a claim with a message must match the whole line.
pub fn same_exception(actual_line: &str, claimed: &str) -> bool {
    let claimed = claimed.trim();
    if claimed.contains(": ") {
        return actual_line.trim() == claimed;
    }
    let actual_name = actual_line.split_once(": ").map_or(actual_line, |(n, _)| n);
    last_part(actual_name) == last_part(claimed)
}

/// `raises = "nothing"` (or `"none"`): the run ends normally.
pub fn claims_no_exception(claimed: &str) -> bool {
    matches!(
        claimed.trim().to_ascii_lowercase().as_str(),
        "nothing" | "none"
    )
}

fn last_part(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn elapsed(claimed: f64, facts: &Facts) -> Verdict {
    Verdict {
        claim: format!("elapsed = {claimed}"),
        holds: same_millisecond(facts.elapsed, claimed),
        fact: format!("the program took {} (virtual)", seconds(facts.elapsed)),
    }
}

fn output(claimed: &str, facts: &Facts) -> Verdict {
    let holds = same_output(&facts.stdout, claimed);
    let fact = if holds {
        "the output is exactly that".to_owned()
    } else {
        output_difference(&facts.stdout, claimed)
    };
    Verdict {
        claim: format!("output = {}", quote_short(claimed)),
        holds,
        fact,
    }
}

/// Where the printed output first departs from the claimed one.
fn output_difference(stdout: &str, claimed: &str) -> String {
    let actual: Vec<&str> = stdout.lines().collect();
    let expected: Vec<&str> = claimed.lines().collect();
    for (index, (a, e)) in actual.iter().zip(&expected).enumerate() {
        if a != e {
            return format!("line {} is {}, not {}", index + 1, quote(a), quote(e));
        }
    }
    match actual.len().cmp(&expected.len()) {
        std::cmp::Ordering::Less => format!(
            "the program prints {} line{}, the claim has {}",
            actual.len(),
            plural(actual.len()),
            expected.len()
        ),
        std::cmp::Ordering::Greater => format!(
            "the program goes on to print {}",
            quote(actual[expected.len()])
        ),
        std::cmp::Ordering::Equal => "the output differs in its final newline".to_owned(),
    }
}

fn output_contains(claimed: &str, facts: &Facts) -> Verdict {
    let holds = facts.stdout.contains(claimed);
    Verdict {
        claim: format!("output_contains = {}", quote_short(claimed)),
        holds,
        fact: if holds {
            "the output contains it".to_owned()
        } else {
            "the output does not contain it".to_owned()
        },
    }
}

fn edge_line(
    kind: &str,
    claimed: &str,
    actual: Option<&super::facts::TimedLine>,
    facts: &Facts,
) -> Verdict {
    let which = if kind == "first_line" {
        "first"
    } else {
        "last"
    };
    let (holds, fact) = match actual {
        Some(line) => (
            same_line(&line.text, claimed),
            format!("the {which} line is {}", quote(&line.text)),
        ),
        None => (false, format!("nothing is printed ({})", facts.ending())),
    };
    Verdict {
        claim: format!("{kind} = {}", quote_short(claimed)),
        holds,
        fact,
    }
}

fn order(claimed: &[String], facts: &Facts) -> Verdict {
    let mut rest = facts.lines.iter();
    let mut previous: Option<&str> = None;
    let mut failure = None;
    for wanted in claimed {
        if rest.any(|line| same_line(&line.text, wanted)) {
            previous = Some(wanted);
            continue;
        }
        let printed = facts.lines.iter().any(|line| same_line(&line.text, wanted));
        failure = Some(match (printed, previous) {
            (false, _) => format!("{} is never printed", quote(wanted)),
            (true, Some(before)) => {
                format!("{} is not printed after {}", quote(wanted), quote(before))
            }
            (true, None) => format!("{} is printed out of order", quote(wanted)),
        });
        break;
    }
    let list: Vec<String> = claimed.iter().map(|l| quote_short(l)).collect();
    Verdict {
        claim: format!("order = [{}]", list.join(", ")),
        holds: failure.is_none(),
        fact: failure.unwrap_or_else(|| "they are printed in this order".to_owned()),
    }
}

fn raises(claimed: &str, facts: &Facts) -> Verdict {
    let holds = if claims_no_exception(claimed) {
        facts.exception.is_none() && facts.status == 0
    } else {
        facts
            .exception
            .as_deref()
            .is_some_and(|line| same_exception(line, claimed))
    };
    Verdict {
        claim: format!("raises = {}", quote_short(claimed)),
        holds,
        fact: format!("the program {}", facts.ending()),
    }
}

fn warns(claimed: &str, facts: &Facts) -> Verdict {
    let hit = facts.warnings.iter().find(|w| w.contains(claimed));
    let fact = match (hit, facts.warnings.first()) {
        (Some(line), _) => format!("a warning says {}", quote(line)),
        (None, Some(first)) => format!("no warning says that; the first is {}", quote(first)),
        (None, None) => "no warning is printed".to_owned(),
    };
    Verdict {
        claim: format!("warns = {}", quote_short(claimed)),
        holds: hit.is_some(),
        fact,
    }
}

/// A string in double quotes with newlines shown as `\n`.
pub fn quote(text: &str) -> String {
    format!("{text:?}")
}

/// [`quote`], cut after 60 characters.
pub fn quote_short(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        return quote(text);
    }
    let cut: String = text.chars().take(LIMIT).collect();
    quote(&format!("{cut}…"))
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::facts::TimedLine;

    fn facts(stdout: &str, elapsed: f64, exception: Option<&str>) -> Facts {
        Facts {
            stdout: stdout.to_owned(),
            lines: stdout
                .lines()
                .map(|text| TimedLine {
                    time: 0.0,
                    text: text.to_owned(),
                })
                .collect(),
            stderr: String::new(),
            status: if exception.is_some() { 1 } else { 0 },
            elapsed,
            exception: exception.map(str::to_owned),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn judges_each_kind_of_claim() {
        let run = facts(
            "A\nB\nC\n",
            2.0000000001,
            Some("asyncio.exceptions.CancelledError"),
        );
        let claims = Claims {
            elapsed: Some(2.0),
            output: Some("A\nB\nC".into()),
            output_contains: Some("B\nC".into()),
            first_line: Some(" A ".into()),
            last_line: Some("C".into()),
            order: Some(vec!["A".into(), "C".into()]),
            raises: Some("asyncio.CancelledError".into()),
            warns: None,
        };
        assert!(evaluate(&claims, &run).iter().all(|v| v.holds));
    }

    #[test]
    fn says_why_a_claim_is_false() {
        let run = facts("A\nB\n", 1.5, None);
        let claims = Claims {
            elapsed: Some(3.0),
            output: Some("A\nX\n".into()),
            order: Some(vec!["B".into(), "A".into()]),
            raises: Some("ValueError".into()),
            ..Claims::default()
        };
        let facts: Vec<String> = evaluate(&claims, &run)
            .into_iter()
            .map(|v| v.fact)
            .collect();
        assert_eq!(
            facts,
            [
                "the program took 1.500s (virtual)",
                "line 2 is \"B\", not \"X\"",
                "\"A\" is not printed after \"B\"",
                "the program raises no exception (exit status 0)",
            ]
        );
    }
}
