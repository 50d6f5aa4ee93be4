//! `quiz check`: runs each question's code once, judges every claim, and
//! decides whether the answer key is right, wrong or ambiguous.

use serde::Serialize;

use super::claims::{all_hold, evaluate, Verdict};
use super::facts::{program_name, run_code, Facts};
use super::format::{Answer, Question, Quiz};

/// What checking one question found.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionCheck {
    pub id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// For multiple choice: every choice judged, in order.
    pub choices: Vec<ChoiceCheck>,
    /// For an open question: its `expect` claims judged.
    pub expect: Vec<Verdict>,
    /// The run (absent for a conceptual question).
    pub run: Option<Facts>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChoiceCheck {
    pub index: usize,
    pub text: String,
    pub keyed: bool,
    #[serde(rename = "true")]
    pub is_true: bool,
    pub verdicts: Vec<Verdict>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The keyed choice is true and every other false, or every `expect`
    /// claim holds.
    Right,
    /// Exactly one choice is true, and it is not the keyed one.
    WrongKey { keyed: usize, true_choice: usize },
    /// Several choices are true, or none is.
    Ambiguous { true_choices: Vec<usize> },
    /// An `expect` claim does not hold.
    ExpectFalse,
    /// A conceptual question: there is nothing to run.
    NotExecutable,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        *self == Outcome::Right
    }
}

/// Checks every question of `quiz`.
pub fn check_quiz(quiz: &Quiz) -> Vec<QuestionCheck> {
    quiz.questions.iter().map(check_question).collect()
}

pub fn check_question(question: &Question) -> QuestionCheck {
    match &question.code {
        Some(code) => judge(question, run_code(&program_name(&question.id), code)),
        None => QuestionCheck {
            id: question.id.clone(),
            outcome: Outcome::NotExecutable,
            choices: Vec::new(),
            expect: Vec::new(),
            run: None,
        },
    }
}

/// Judges a question with code against the facts of its run.
pub fn judge(question: &Question, facts: Facts) -> QuestionCheck {
    let mut check = QuestionCheck {
        id: question.id.clone(),
        outcome: Outcome::NotExecutable,
        choices: Vec::new(),
        expect: Vec::new(),
        run: None,
    };
    match &question.answer {
        Answer::Choices { choices, key } => {
            check.choices = choices
                .iter()
                .enumerate()
                .map(|(index, choice)| {
                    let verdicts = evaluate(&choice.claims, &facts);
                    ChoiceCheck {
                        index,
                        text: choice.text.clone(),
                        keyed: index == *key,
                        is_true: all_hold(&verdicts),
                        verdicts,
                    }
                })
                .collect();
            let true_choices: Vec<usize> = check
                .choices
                .iter()
                .filter(|c| c.is_true)
                .map(|c| c.index)
                .collect();
            check.outcome = match true_choices.as_slice() {
                [only] if only == key => Outcome::Right,
                [only] => Outcome::WrongKey {
                    keyed: *key,
                    true_choice: *only,
                },
                _ => Outcome::Ambiguous { true_choices },
            };
        }
        Answer::Expect(claims) => {
            check.expect = evaluate(claims, &facts);
            check.outcome = if all_hold(&check.expect) {
                Outcome::Right
            } else {
                Outcome::ExpectFalse
            };
        }
        Answer::Text { .. } => {}
    }
    check.run = Some(facts);
    check
}
