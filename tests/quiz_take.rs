//! `kairos quiz take` driven through piped stdin: a known set of answers
//! gets a known score, invalid answers are asked again, the input may end
//! early, and learners are graded by what the program really does.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The transcript of `kairos quiz take QUIZ` with `answers` piped in.
fn take(quiz: &Path, answers: &str) -> String {
    let mut child = Command::new(KAIROS)
        .args(["quiz", "take"])
        .arg(quiz)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kairos runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(answers.as_bytes())
        .expect("answers written");
    drop(stdin);
    let output = child.wait_with_output().expect("kairos ends");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 transcript")
}

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(ROOT).join("samples/quizzes").join(name)
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
fn a_known_set_of_answers_gets_its_score() {
    // 004: open first line (right), b is 2 s (a wrong), b (right), b (wrong),
    // b (right), an invalid letter then b (right), a (right), a (wrong).
    let answers = "Hello, Bob!\na\nb\nb\nb\nx\nb\na\na\n";
    let transcript = take(&sample("004_async_explained.toml"), answers);
    assert_contains(
        &transcript,
        &[
            "Question 1/8 · greet-first",
            "   9 |     greet(\"Bob\", 1),",
            "Your answer (one line): Hello, Bob!\nRight!",
            "  [1.000s] Hello, Bob!\n  [2.000s] Hello, Alice!",
            "Your answer (a-c): a\nNot quite.\nThe answer is b) 2 seconds.",
            "Why: The two sleeps overlap: the total is the longer one.",
            "Your answer (a-b): x\nPlease answer with a letter from a to b.\nYour answer (a-b): b\nRight!",
            "elapsed: 10.000s (virtual)",
            "the program raises RuntimeError: asyncio.run() cannot be called from a running event loop",
            "The answer is b) coroutine.",
            "Score: 5/8",
        ],
    );
    assert!(!transcript.contains('\x1b'), "no colour on a pipe");
}

#[test]
fn the_quiz_stops_when_the_input_ends() {
    let transcript = take(&sample("004_async_explained.toml"), "Hello, Alice!\nb\n");
    assert_contains(
        &transcript,
        &[
            "Not quite.\nThe answer is \"Hello, Bob!\".",
            "(no more answers: the quiz stops here)",
            "Score: 1/8 (6 unanswered)",
        ],
    );
}

#[test]
fn conceptual_questions_accept_phrases_or_ask_the_learner() {
    // 000: four conceptual questions, then six about code (answered b, b, a, b, a, a).
    let answers = "Waiting on the network (I/O)\nIt makes the code faster\nruns them together\n\
                   only in async def functions\nb\nb\na\nb\na\na\n";
    let transcript = take(&sample("000_async_and_await.toml"), answers);
    assert_contains(
        &transcript,
        &[
            "Your answer: It makes the code faster\nNot quite.\nThe answer: It pauses that coroutine",
            "Score: 9/10",
        ],
    );
    let quiz = "[[question]]\nask = \"Name the loop\"\nanswer = \"the event loop\"\n";
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("self_graded.toml");
    std::fs::write(&path, quiz).expect("write the quiz");
    let transcript = take(&path, "the scheduler\nmaybe\ny\n");
    assert_contains(
        &transcript,
        &[
            "The answer: the event loop\nWas yours right? (y/n): maybe\nPlease answer y or n.",
            "Score: 1/1",
        ],
    );
}

#[test]
fn learners_are_graded_by_the_run_not_by_a_wrong_key() {
    let quiz = r#"title = "A wrong key"
[[question]]
id = "gather-time"
ask = "How long does this program take?"
code = '''
import asyncio
async def main():
    await asyncio.gather(asyncio.sleep(1), asyncio.sleep(2))
asyncio.run(main())
'''
choices = [ { text = "2 seconds", elapsed = 2 }, { text = "3 seconds", elapsed = 3 } ]
answer = 1

[[question]]
id = "time"
ask = "And in seconds?"
code = "import time\ntime.sleep(1.5)\n"
expect = { elapsed = 1.5 }
"#;
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wrong_key_take.toml");
    std::fs::write(&path, quiz).expect("write the quiz");
    let transcript = take(&path, "a\nsoon\n1.5 s\n");
    assert_contains(
        &transcript,
        &[
            "Your answer (a-b): a\nRight!\n(Note: the quiz's key says b, but the run shows a.)",
            "\"soon\" is not a number of seconds; please try again.",
            "Your answer (seconds): 1.5 s\nRight!",
            "Score: 2/2",
        ],
    );
}
