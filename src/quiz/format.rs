//! The quiz file format (TOML): what a teacher writes, read with serde and
//! then validated into a [`Quiz`] whose questions each say plainly how they
//! are checked.

use serde::Deserialize;

/// Choices are lettered a to z when a learner takes the quiz.
pub const MAX_CHOICES: usize = 26;

/// A validated quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub title: String,
    pub questions: Vec<Question>,
}

/// One validated question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub ask: String,
    /// The program the question is about; `None` for a conceptual question.
    pub code: Option<String>,
    pub answer: Answer,
    pub explain: Option<String>,
}

/// How a question is answered, and so how it is checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Multiple choice; `key` indexes `choices` (from 0). With code, every
    /// choice makes claims and exactly the keyed one must be true.
    Choices { choices: Vec<Choice>, key: usize },
    /// An open question about code: every claim must be true.
    Expect(Claims),
    /// A conceptual question: a model answer, and phrases that count as right.
    Text { text: String, accept: Vec<String> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub text: String,
    pub claims: Claims,
}

/// Checkable claims about one run of a program. Each field is optional; a
/// set of claims holds when every present one holds.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    /// Virtual seconds the run takes, to the millisecond.
    pub elapsed: Option<f64>,
    /// The exact stdout (a missing final newline is forgiven).
    pub output: Option<String>,
    pub output_contains: Option<String>,
    pub first_line: Option<String>,
    pub last_line: Option<String>,
    /// Lines that are printed in this order (others may come between).
    pub order: Option<Vec<String>>,
    /// The type name of the uncaught exception (`TimeoutError`), or the whole
    /// last line of its traceback (`ValueError: boom`); `"nothing"` claims
    /// that the run ends normally.
    pub raises: Option<String>,
    /// Text that a printed warning contains.
    pub warns: Option<String>,
}

impl Claims {
    pub fn is_empty(&self) -> bool {
        *self == Claims::default()
    }
}

/// A quiz file as written: the serde view, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    title: Option<String>,
    #[serde(default)]
    question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<String>,
    ask: Option<String>,
    code: Option<String>,
    choices: Option<Vec<RawChoice>>,
    answer: Option<toml::Value>,
    expect: Option<Claims>,
    explain: Option<String>,
    accept: Option<Vec<String>>,
}

/// A choice is its text plus the same claims as `expect`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChoice {
    text: String,
    elapsed: Option<f64>,
    output: Option<String>,
    output_contains: Option<String>,
    first_line: Option<String>,
    last_line: Option<String>,
    order: Option<Vec<String>>,
    raises: Option<String>,
    warns: Option<String>,
}

impl RawChoice {
    fn into_choice(self) -> Choice {
        Choice {
            text: self.text,
            claims: Claims {
                elapsed: self.elapsed,
                output: self.output,
                output_contains: self.output_contains,
                first_line: self.first_line,
                last_line: self.last_line,
                order: self.order,
                raises: self.raises,
                warns: self.warns,
            },
        }
    }
}

/// Parses and validates quiz text. `default_title` names a quiz without a
/// `title`. Every problem found is returned, each a sentence.
pub fn parse_quiz(text: &str, default_title: &str) -> Result<Quiz, Vec<String>> {
    let raw: RawQuiz = toml::from_str(text).map_err(|e| vec![describe_toml_error(&e, text)])?;
    let mut errors = Vec::new();
    let mut questions = Vec::new();
    for (index, raw_question) in raw.question.into_iter().enumerate() {
        match validate_question(index, raw_question) {
            Ok(question) => questions.push(question),
            Err(mut found) => errors.append(&mut found),
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    for question in &questions {
        if !seen.insert(question.id.as_str()) {
            errors.push(format!("two questions have the id \"{}\"", question.id));
        }
    }
    if questions.is_empty() && errors.is_empty() {
        errors.push("the quiz has no [[question]]".to_owned());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Quiz {
        title: raw.title.unwrap_or_else(|| default_title.to_owned()),
        questions,
    })
}

/// toml's message on one line, with the line and column where it applies.
fn describe_toml_error(error: &toml::de::Error, text: &str) -> String {
    let message = error.message().trim_end().replace('\n', " ");
    match error.span() {
        Some(span) => {
            let before = text.get(..span.start).unwrap_or(text);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("invalid TOML at line {line}, column {column}: {message}")
        }
        None => format!("invalid TOML: {message}"),
    }
}

fn validate_question(index: usize, raw: RawQuestion) -> Result<Question, Vec<String>> {
    let id = match raw.id {
        Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
        _ => format!("question-{}", index + 1),
    };
    let name = format!("question \"{id}\"");
    let mut errors = Vec::new();
    let ask = match raw.ask {
        Some(ask) if !ask.trim().is_empty() => ask,
        _ => {
            errors.push(format!("{name}: `ask` (the question text) is missing"));
            String::new()
        }
    };
    let code = raw.code.filter(|code| !code.trim().is_empty());
    let answer = validate_answer(
        &name,
        code.is_some(),
        raw.choices,
        raw.answer,
        raw.expect,
        raw.accept,
    );
    match answer {
        Ok(answer) if errors.is_empty() => Ok(Question {
            id,
            ask,
            code,
            answer,
            explain: raw.explain,
        }),
        Ok(_) => Err(errors),
        Err(mut more) => {
            errors.append(&mut more);
            Err(errors)
        }
    }
}

fn validate_answer(
    name: &str,
    has_code: bool,
    choices: Option<Vec<RawChoice>>,
    answer: Option<toml::Value>,
    expect: Option<Claims>,
    accept: Option<Vec<String>>,
) -> Result<Answer, Vec<String>> {
    let error = |text: String| Err(vec![format!("{name}: {text}")]);
    if accept.is_some() && (has_code || choices.is_some()) {
        return error("`accept` is only for conceptual questions with a text answer".into());
    }
    match (choices, expect) {
        (Some(_), Some(_)) => error("give either `choices` or `expect`, not both".into()),
        (Some(choices), None) => validate_choices(name, has_code, choices, answer),
        (None, Some(expect)) => {
            if !has_code {
                error("`expect` makes claims about a run, but the question has no `code`".into())
            } else if answer.is_some() {
                error("an open question is answered by its `expect` claims; remove `answer`".into())
            } else if expect.is_empty() {
                error("`expect` makes no claim".into())
            } else {
                Ok(Answer::Expect(expect))
            }
        }
        (None, None) if has_code => error(
            "a question with `code` needs `choices` (and `answer`) or an `expect` table".into(),
        ),
        (None, None) => match answer {
            Some(toml::Value::String(text)) if !text.trim().is_empty() => Ok(Answer::Text {
                text,
                accept: accept.unwrap_or_default(),
            }),
            Some(_) => error("a conceptual question's `answer` is the answer's text".into()),
            None => error("`answer` is missing".into()),
        },
    }
}

fn validate_choices(
    name: &str,
    has_code: bool,
    raw: Vec<RawChoice>,
    answer: Option<toml::Value>,
) -> Result<Answer, Vec<String>> {
    let mut errors = Vec::new();
    let choices: Vec<Choice> = raw.into_iter().map(RawChoice::into_choice).collect();
    if choices.len() < 2 || choices.len() > MAX_CHOICES {
        errors.push(format!("{name}: give 2 to {MAX_CHOICES} choices"));
    }
    for (index, choice) in choices.iter().enumerate() {
        if has_code && choice.claims.is_empty() {
            errors.push(format!(
                "{name}: choices[{index}] \"{}\" makes no checkable claim \
                 (elapsed, output, output_contains, first_line, last_line, order, raises, warns)",
                choice.text
            ));
        }
        if !has_code && !choice.claims.is_empty() {
            errors.push(format!(
                "{name}: choices[{index}] makes claims about a run, but the question has no `code`"
            ));
        }
    }
    let key = match answer {
        Some(toml::Value::Integer(key)) if key >= 0 && (key as usize) < choices.len() => {
            Some(key as usize)
        }
        Some(toml::Value::Integer(key)) => {
            errors.push(format!(
                "{name}: `answer = {key}` is not the index of a choice (0 to {})",
                choices.len().saturating_sub(1)
            ));
            None
        }
        Some(_) => {
            errors.push(format!(
                "{name}: `answer` must be the index of the right choice (0 for the first)"
            ));
            None
        }
        None => {
            errors.push(format!(
                "{name}: `answer` (the index of the right choice) is missing"
            ));
            None
        }
    };
    match key {
        Some(key) if errors.is_empty() => Ok(Answer::Choices { choices, key }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_issue_example() {
        let text = r#"
title = "Async basics"
[[question]]
id = "gather-time"
ask = "How long does this program take?"
code = '''
import asyncio
'''
choices = [ { text = "1 second", elapsed = 1.0 },
            { text = "2 seconds", elapsed = 2 } ]
answer = 1
explain = "gather waits for the longest awaitable, not the sum."
"#;
        let quiz = parse_quiz(text, "x").expect("valid");
        assert_eq!(quiz.title, "Async basics");
        let Answer::Choices { choices, key } = &quiz.questions[0].answer else {
            panic!("choices expected");
        };
        assert_eq!(*key, 1);
        assert_eq!(choices[1].claims.elapsed, Some(2.0));
    }

    #[test]
    fn reports_problems_without_panicking() {
        for text in [
            "title = ",
            "[[question]]\nask = 'x'\ncode = 'pass'\nchoices = [{text='a', elpased=1}]\nanswer=0",
            "[[question]]\nask = 'x'\ncode = 'pass'\nchoices = [{text='a', elapsed=1}, {text='b'}]\nanswer=5",
            "[[question]]\nask = 'x'\nexpect = { elapsed = 1 }",
            "[[question]]\nask = 'x'\nanswer = 3",
            "question = 3",
            "",
        ] {
            let errors = parse_quiz(text, "x").expect_err(text);
            assert!(!errors.is_empty());
        }
    }
}
