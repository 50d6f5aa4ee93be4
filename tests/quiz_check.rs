//! `kairos quiz check` on altered copies of the sample quizzes: a wrong
//! key, an ambiguous question, a wrong `elapsed`, a question no choice
//! answers, and broken files each fail with the right evidence.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn sample(name: &str) -> String {
    let path = Path::new(ROOT).join("samples/quizzes").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

/// `text` with `from` replaced by `to`, which must occur exactly once.
fn altered(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

fn write_quiz(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quiz_check");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the quiz");
    path
}

fn check(args: &[&str]) -> (Output, String) {
    let output = Command::new(KAIROS)
        .args(["quiz", "check"])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("kairos runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (output, stdout)
}

fn check_file(path: &Path) -> (i32, String) {
    let (output, stdout) = check(&[path.to_str().expect("UTF-8 path")]);
    (output.status.code().unwrap_or(-1), stdout)
}

fn assert_contains(haystack: &str, needles: &[&str]) {
    for needle in needles {
        assert!(
            haystack.contains(needle),
            "missing {needle:?} in:\n{haystack}"
        );
    }
}

#[test]
fn a_wrong_key_names_the_true_choice_with_its_evidence() {
    let text = altered(
        &sample("000_async_and_await.toml"),
        "            { text = \"5 seconds\", elapsed = 5 } ]\nanswer = 1",
        "            { text = \"5 seconds\", elapsed = 5 } ]\nanswer = 2",
    );
    let (status, stdout) = check_file(&write_quiz("wrong_key.toml", &text));
    assert_eq!(status, 1, "{stdout}");
    assert_contains(
        &stdout,
        &[
            "WRONG KEY  gather-fetch-elapsed: the key is wrong: the key says choices[2] \"5 seconds\", \
             but choices[1] \"3 seconds\" is the true one",
            "choices[2] \"5 seconds\" is false:\n               elapsed = 5 is false: the program took 3.000s (virtual)",
            "choices[1] \"3 seconds\" is true:\n               elapsed = 3 holds: the program took 3.000s (virtual)",
            "[0.000s] Starting: user",
            "[3.000s] ['user result', 'orders result']",
            "elapsed: 3.000s (virtual); the program raises no exception (exit status 0)",
            "5 passed, 1 failed (4 not executable)",
        ],
    );
}

#[test]
fn a_wrong_key_about_an_exception_shows_the_real_one() {
    let text = altered(
        &sample("002_async_await_concurrent_io.toml"),
        "{ text = \"None: the block just ends after 1 second\", raises = \"nothing\" } ]\nanswer = 1",
        "{ text = \"None: the block just ends after 1 second\", raises = \"nothing\" } ]\nanswer = 0",
    );
    let (status, stdout) = check_file(&write_quiz("wrong_exception.toml", &text));
    assert_eq!(status, 1, "{stdout}");
    assert_contains(
        &stdout,
        &[
            "WRONG KEY  timeout-cm-exception: the key is wrong: the key says choices[0] \"CancelledError\", \
             but choices[1] \"TimeoutError\" is the true one",
            "raises = \"CancelledError\" is false: the program raises TimeoutError",
        ],
    );
}

#[test]
fn two_true_choices_make_the_question_ambiguous() {
    let text = altered(
        &sample("000_async_and_await.toml"),
        "{ text = \"1.5 seconds\", elapsed = 1.5 }",
        "{ text = \"1.5 seconds\", output_contains = \"Got:\" }",
    );
    let (status, stdout) = check_file(&write_quiz("ambiguous.toml", &text));
    assert_eq!(status, 1, "{stdout}");
    assert_contains(
        &stdout,
        &[
            "AMBIGUOUS  scraper-elapsed: 2 choices are true: choices[0] \"1.5 seconds\", choices[1] \"2 seconds\"",
            "output_contains = \"Got:\" holds: the output contains it",
            "elapsed = 2 holds: the program took 2.000s (virtual)",
        ],
    );
}

#[test]
fn no_true_choice_is_ambiguous_too() {
    let text = altered(
        &sample("004_async_explained.toml"),
        "{ text = \"coroutine\", first_line = \"coroutine\" }",
        "{ text = \"coroutine object\", first_line = \"coroutine object\" }",
    );
    let (status, stdout) = check_file(&write_quiz("none_true.toml", &text));
    assert_eq!(status, 1, "{stdout}");
    assert_contains(
        &stdout,
        &[
            "AMBIGUOUS  forgot-await-type: no choice is true",
            "first_line = \"coroutine object\" is false: the first line is \"coroutine\"",
            "first_line = \"int\" is false: the first line is \"coroutine\"",
        ],
    );
}

#[test]
fn a_wrong_elapsed_in_an_open_question_fails() {
    let text = altered(
        &sample("001_python_async_await.toml"),
        "[question.expect]\nelapsed = 2\n",
        "[question.expect]\nelapsed = 6\n",
    );
    let (status, stdout) = check_file(&write_quiz("wrong_elapsed.toml", &text));
    assert_eq!(status, 1, "{stdout}");
    assert_contains(
        &stdout,
        &[
            "WRONG KEY  gather-three-elapsed: the key is wrong: an expect claim is false",
            "elapsed = 6 is false: the program took 2.000s (virtual)",
            "[2.000s] Task 1: end",
            "5 passed, 1 failed",
        ],
    );
}

#[test]
fn broken_quiz_files_are_reported_not_panicked_on() {
    let cases = [
        ("bad_toml.toml", "title = \"x\n[[question]]\n", "invalid TOML at line 1"),
        (
            "typo.toml",
            "[[question]]\nask = \"?\"\ncode = \"print(1)\"\nchoices = [{ text = \"a\", elpased = 1 }, { text = \"b\", elapsed = 0 }]\nanswer = 1\n",
            "unknown field `elpased`",
        ),
        (
            "no_claim.toml",
            "[[question]]\nid = \"q\"\nask = \"?\"\ncode = \"print(1)\"\nchoices = [{ text = \"a\" }, { text = \"b\", elapsed = 0 }]\nanswer = 7\n",
            "question \"q\": choices[0] \"a\" makes no checkable claim",
        ),
        ("empty.toml", "", "the quiz has no [[question]]"),
    ];
    for (name, text, message) in cases {
        let (status, stdout) = check_file(&write_quiz(name, text));
        assert_eq!(status, 1, "{name}: {stdout}");
        assert_contains(&stdout, &[message, "(1 invalid quiz file)"]);
    }
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let (output, _) = check(&["no/such/quiz.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file: no/such/quiz.toml"));
}

#[test]
fn json_reports_the_same_verdicts() {
    let text = altered(
        &sample("000_async_and_await.toml"),
        "            { text = \"5 seconds\", elapsed = 5 } ]\nanswer = 1",
        "            { text = \"5 seconds\", elapsed = 5 } ]\nanswer = 2",
    );
    let path = write_quiz("wrong_key_json.toml", &text);
    let (output, stdout) = check(&["--format", "json", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["totals"]["passed"], 5);
    assert_eq!(report["totals"]["failed"], 1);
    let question = &report["files"][0]["questions"][4];
    assert_eq!(question["id"], "gather-fetch-elapsed");
    assert_eq!(question["outcome"], "wrong_key");
    assert_eq!(question["keyed"], 2);
    assert_eq!(question["true_choice"], 1);
    assert_eq!(question["run"]["elapsed"], 3.0);
    assert_eq!(question["run"]["lines"][2]["text"], "Done: user");
    assert_eq!(question["run"]["lines"][2]["time"], 2.0);
}

#[test]
fn no_prefix_of_a_quiz_makes_the_parser_panic() {
    let text = sample("002_async_await_concurrent_io.toml");
    for (end, _) in text.char_indices() {
        let _ = kairos::quiz::format::parse_quiz(&text[..end], "prefix");
    }
}
