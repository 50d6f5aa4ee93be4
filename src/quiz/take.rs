//! `quiz take`: asks each question in the terminal, reads the learner's
//! answer from any line reader (a terminal or a pipe), then shows whether it
//! was right, what the program really printed and when, and why.
//! Choices are graded by what the run shows, not by the key, so a wrong key
//! never marks a learner down.

use std::io::{self, BufRead, Write};

use super::check::{judge, Outcome, QuestionCheck};
use super::facts::{program_name, run_code};
use super::format::{Answer, Claims, Question, Quiz};
use super::grade::{grade, true_answer, AnswerKind};
use super::highlight::highlight_lines;
use super::report::run_lines;
use super::style::{Color, Style};

#[derive(Debug, Clone, Copy)]
pub struct TakeOptions {
    pub style: Style,
    /// Print each answer after its prompt, for input that is not typed on
    /// a terminal (a pipe), so the transcript reads as a dialogue.
    pub echo: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    /// Questions answered (the input may end early).
    pub answered: usize,
    pub total: usize,
}

/// Runs the quiz: questions to `out`, answers from `input`.
pub fn take_quiz(
    quiz: &Quiz,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    options: TakeOptions,
) -> io::Result<Score> {
    let mut session = Session {
        input,
        out,
        options,
    };
    let style = options.style;
    let total = quiz.questions.len();
    let mut score = Score {
        total,
        ..Score::default()
    };
    writeln!(session.out, "{}", style.paint(Color::Bold, &quiz.title))?;
    for (number, question) in quiz.questions.iter().enumerate() {
        writeln!(session.out)?;
        let heading = format!("Question {}/{total} · {}", number + 1, question.id);
        writeln!(session.out, "{}", style.paint(Color::Bold, &heading))?;
        match session.ask(question)? {
            Some(right) => {
                score.answered += 1;
                score.right += usize::from(right);
            }
            None => {
                writeln!(session.out, "\n(no more answers: the quiz stops here)")?;
                break;
            }
        }
    }
    let mut line = format!("Score: {}/{}", score.right, total);
    if score.answered < total {
        line.push_str(&format!(" ({} unanswered)", total - score.answered));
    }
    writeln!(session.out, "\n{}", style.paint(Color::Bold, &line))?;
    Ok(score)
}

struct Session<'a> {
    input: &'a mut dyn BufRead,
    out: &'a mut dyn Write,
    options: TakeOptions,
}

impl Session<'_> {
    /// Asks one question: `Some(right)`, or `None` when the input ended.
    fn ask(&mut self, question: &Question) -> io::Result<Option<bool>> {
        writeln!(self.out, "{}", question.ask)?;
        if let Some(code) = &question.code {
            self.show_code(code)?;
        }
        let check = question
            .code
            .as_ref()
            .map(|code| judge(question, run_code(&program_name(&question.id), code)));
        let right = match &question.answer {
            Answer::Choices { choices, key } => {
                let texts: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
                let Some(picked) = self.pick_choice(&texts)? else {
                    return Ok(None);
                };
                self.grade_choice(picked, &texts, *key, check.as_ref())?
            }
            Answer::Expect(claims) => {
                let Some(check) = &check else {
                    return Ok(Some(false));
                };
                match self.grade_open(claims, check)? {
                    Some(right) => right,
                    None => return Ok(None),
                }
            }
            Answer::Text { text, accept } => match self.grade_text(text, accept)? {
                Some(right) => right,
                None => return Ok(None),
            },
        };
        if let Some(facts) = check.as_ref().and_then(|c| c.run.as_ref()) {
            writeln!(self.out, "What happens:")?;
            for line in run_lines(facts, usize::MAX) {
                writeln!(self.out, "  {line}")?;
            }
        }
        if let Some(explain) = &question.explain {
            writeln!(
                self.out,
                "{} {}",
                self.paint(Color::Bold, "Why:"),
                explain.trim()
            )?;
        }
        Ok(Some(right))
    }

    fn paint(&self, color: Color, text: &str) -> String {
        self.options.style.paint(color, text)
    }

    fn show_code(&mut self, code: &str) -> io::Result<()> {
        let lines = highlight_lines(code.trim_end_matches('\n'), self.options.style);
        let width = lines.len().to_string().len();
        writeln!(self.out)?;
        for (number, line) in lines.iter().enumerate() {
            let gutter = self.paint(Color::Dim, &format!("{:>width$} |", number + 1));
            let text = format!("  {gutter} {line}");
            writeln!(self.out, "{}", text.trim_end())?;
        }
        writeln!(self.out)
    }

    /// Reads one line after `prompt`; `None` at the end of the input.
    fn read_line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\n', '\r']).to_owned();
        if self.options.echo {
            writeln!(self.out, "{line}")?;
        }
        Ok(Some(line))
    }

    /// Shows the choices as a), b)... and reads a letter until one is valid.
    fn pick_choice(&mut self, texts: &[&str]) -> io::Result<Option<usize>> {
        for (index, text) in texts.iter().enumerate() {
            writeln!(self.out, "  {}) {text}", letter(index))?;
        }
        let last = letter(texts.len().saturating_sub(1));
        loop {
            let Some(line) = self.read_line(&format!("Your answer (a-{last}): "))? else {
                return Ok(None);
            };
            let picked = line.trim().trim_end_matches(')').to_ascii_lowercase();
            let index = match picked.as_bytes() {
                [c @ b'a'..=b'z'] => Some(usize::from(c - b'a')),
                _ => None,
            };
            match index {
                Some(index) if index < texts.len() => return Ok(Some(index)),
                _ => writeln!(self.out, "Please answer with a letter from a to {last}.")?,
            }
        }
    }

    /// Right when the picked choice is true in the real run (or, without
    /// code, when it is the keyed one).
    fn grade_choice(
        &mut self,
        picked: usize,
        texts: &[&str],
        key: usize,
        check: Option<&QuestionCheck>,
    ) -> io::Result<bool> {
        let name = |index: usize| format!("{}) {}", letter(index), texts[index]);
        let Some(check) = check else {
            let right = picked == key;
            self.verdict(right)?;
            if !right {
                writeln!(self.out, "The answer is {}.", name(key))?;
            }
            return Ok(right);
        };
        let right = check.choices[picked].is_true;
        self.verdict(right)?;
        match &check.outcome {
            Outcome::Right if !right => writeln!(self.out, "The answer is {}.", name(key))?,
            Outcome::WrongKey { keyed, true_choice } => {
                if !right {
                    writeln!(self.out, "The answer is {}.", name(*true_choice))?;
                }
                writeln!(
                    self.out,
                    "(Note: the quiz's key says {}, but the run shows {}.)",
                    letter(*keyed),
                    letter(*true_choice)
                )?;
            }
            Outcome::Ambiguous { true_choices } if true_choices.is_empty() => writeln!(
                self.out,
                "(None of the choices matches what the program does.)"
            )?,
            Outcome::Ambiguous { true_choices } => {
                let letters: Vec<String> = true_choices
                    .iter()
                    .map(|i| format!("{})", letter(*i)))
                    .collect();
                writeln!(
                    self.out,
                    "(Several choices are true here: {}.)",
                    letters.join(", ")
                )?
            }
            _ => {}
        }
        Ok(right)
    }

    /// An open question: the learner types a time, a line, an exception...
    fn grade_open(&mut self, claims: &Claims, check: &QuestionCheck) -> io::Result<Option<bool>> {
        let Some(facts) = &check.run else {
            return Ok(Some(false));
        };
        let kind = AnswerKind::of(claims);
        loop {
            let answer = if kind.is_multiline() {
                self.read_lines(kind.prompt())?
            } else {
                self.read_line(kind.prompt())?
            };
            let Some(answer) = answer else {
                return Ok(None);
            };
            match grade(kind, &answer, claims, facts) {
                Ok(right) => {
                    self.verdict(right)?;
                    if !right {
                        let truth = true_answer(kind, claims, facts);
                        writeln!(self.out, "The answer is {truth}.")?;
                    }
                    return Ok(Some(right));
                }
                Err(problem) => writeln!(self.out, "{problem}; please try again.")?,
            }
        }
    }

    /// Lines until one holding only `.`; `None` when the input ended first
    /// with nothing typed.
    fn read_lines(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        let mut lines = Vec::new();
        loop {
            let Some(line) = self.read_line("")? else {
                return Ok((!lines.is_empty()).then(|| lines.join("\n")));
            };
            if line.trim() == "." {
                return Ok(Some(lines.join("\n")));
            }
            lines.push(line);
        }
    }

    /// A conceptual question: right when the answer contains an accepted
    /// phrase; without `accept`, the learner compares with the model answer.
    fn grade_text(&mut self, model: &str, accept: &[String]) -> io::Result<Option<bool>> {
        let Some(answer) = self.read_line("Your answer: ")? else {
            return Ok(None);
        };
        if accept.is_empty() {
            writeln!(self.out, "The answer: {}", model.trim())?;
            loop {
                let Some(reply) = self.read_line("Was yours right? (y/n): ")? else {
                    return Ok(None);
                };
                match reply.trim().to_ascii_lowercase().as_str() {
                    "y" | "yes" => return Ok(Some(true)),
                    "n" | "no" => return Ok(Some(false)),
                    _ => writeln!(self.out, "Please answer y or n.")?,
                }
            }
        }
        let answer = answer.to_lowercase();
        let right = accept.iter().any(|phrase| {
            !phrase.trim().is_empty() && answer.contains(&phrase.trim().to_lowercase())
        });
        self.verdict(right)?;
        writeln!(self.out, "The answer: {}", model.trim())?;
        Ok(Some(right))
    }

    fn verdict(&mut self, right: bool) -> io::Result<()> {
        let text = if right {
            self.paint(Color::Green, "Right!")
        } else {
            self.paint(Color::Red, "Not quite.")
        };
        writeln!(self.out, "{text}")
    }
}

/// `a` for the first choice.
fn letter(index: usize) -> char {
    char::from(b'a' + (index % 26) as u8)
}
