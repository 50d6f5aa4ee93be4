//! Writing a [`Quiz`] back as TOML in the style the README documents:
//! code and multi-line output as literal blocks, choices as inline tables.

use super::format::{Answer, Claims, Quiz};

pub fn quiz_to_toml(quiz: &Quiz) -> String {
    let mut out = format!("title = {}\n", basic_string(&quiz.title));
    for question in &quiz.questions {
        out.push_str("\n[[question]]\n");
        out.push_str(&format!("id = {}\n", basic_string(&question.id)));
        out.push_str(&format!("ask = {}\n", basic_string(&question.ask)));
        if let Some(code) = &question.code {
            out.push_str(&format!("code = {}\n", block_string(code)));
        }
        match &question.answer {
            Answer::Choices { choices, key } => {
                out.push_str("choices = [\n");
                for choice in choices {
                    let mut fields = vec![format!("text = {}", basic_string(&choice.text))];
                    fields.extend(claim_fields(&choice.claims, basic_string));
                    out.push_str(&format!("  {{ {} }},\n", fields.join(", ")));
                }
                out.push_str(&format!("]\nanswer = {key}\n"));
            }
            Answer::Text { text, accept } => {
                out.push_str(&format!("answer = {}\n", basic_string(text)));
                if !accept.is_empty() {
                    let phrases: Vec<String> = accept.iter().map(|p| basic_string(p)).collect();
                    out.push_str(&format!("accept = [{}]\n", phrases.join(", ")));
                }
            }
            Answer::Expect(_) => {}
        }
        if let Some(explain) = &question.explain {
            out.push_str(&format!("explain = {}\n", basic_string(explain)));
        }
        // A sub-table closes the question's own keys, so it comes last.
        if let Answer::Expect(claims) = &question.answer {
            out.push_str("[question.expect]\n");
            for field in claim_fields(claims, block_string) {
                out.push_str(&field);
                out.push('\n');
            }
        }
    }
    out
}

/// `key = value` for each claim present; `string` writes text values.
fn claim_fields(claims: &Claims, string: fn(&str) -> String) -> Vec<String> {
    let mut fields = Vec::new();
    if let Some(seconds) = claims.elapsed {
        fields.push(format!("elapsed = {}", float(seconds)));
    }
    let texts = [
        ("output", &claims.output),
        ("output_contains", &claims.output_contains),
        ("first_line", &claims.first_line),
        ("last_line", &claims.last_line),
    ];
    for (name, value) in texts {
        if let Some(text) = value {
            fields.push(format!("{name} = {}", string(text)));
        }
    }
    if let Some(lines) = &claims.order {
        let items: Vec<String> = lines.iter().map(|l| basic_string(l)).collect();
        fields.push(format!("order = [{}]", items.join(", ")));
    }
    for (name, value) in [("raises", &claims.raises), ("warns", &claims.warns)] {
        if let Some(text) = value {
            fields.push(format!("{name} = {}", basic_string(text)));
        }
    }
    fields
}

/// A TOML float, rounded to the millisecond that claims are checked to.
fn float(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    format!("{rounded:?}")
}

/// A `"..."` string with TOML's escapes.
pub fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A `'''` block for text of several lines, when the text allows one
/// (TOML trims the newline right after the opening quotes); otherwise a
/// basic string.
pub fn block_string(text: &str) -> String {
    let literal_ok = text.contains('\n')
        && !text.contains("'''")
        && !text.ends_with('\'')
        && !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t');
    if literal_ok {
        format!("'''\n{text}'''")
    } else {
        basic_string(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::format::{parse_quiz, Choice, Question};

    #[test]
    fn round_trips_every_kind_of_question() {
        let quiz = Quiz {
            title: "T \"q\"".into(),
            questions: vec![
                Question {
                    id: "a".into(),
                    ask: "How long?".into(),
                    code: Some("print('x''')\nx = \"\\n\"\n".into()),
                    answer: Answer::Choices {
                        choices: vec![
                            Choice {
                                text: "1".into(),
                                claims: Claims {
                                    elapsed: Some(0.30000000000000004),
                                    ..Claims::default()
                                },
                            },
                            Choice {
                                text: "2".into(),
                                claims: Claims {
                                    order: Some(vec!["a\"".into(), "b".into()]),
                                    raises: Some("ValueError".into()),
                                    ..Claims::default()
                                },
                            },
                        ],
                        key: 1,
                    },
                    explain: Some("because\ttabs".into()),
                },
                Question {
                    id: "b".into(),
                    ask: "Output?".into(),
                    code: Some("print(1)".into()),
                    answer: Answer::Expect(Claims {
                        output: Some("1\n2\n".into()),
                        first_line: Some("1".into()),
                        ..Claims::default()
                    }),
                    explain: None,
                },
                Question {
                    id: "c".into(),
                    ask: "Why?".into(),
                    code: None,
                    answer: Answer::Text {
                        text: "I/O".into(),
                        accept: vec!["io".into()],
                    },
                    explain: Some("x".into()),
                },
            ],
        };
        let text = quiz_to_toml(&quiz);
        let mut back = parse_quiz(&text, "x").unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        if let Answer::Choices { choices, .. } = &mut back.questions[0].answer {
            assert_eq!(choices[0].claims.elapsed, Some(0.3));
            choices[0].claims.elapsed = Some(0.30000000000000004);
        }
        assert_eq!(back, quiz);
    }
}
