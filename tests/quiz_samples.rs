//! The sample quizzes in `samples/quizzes/` (one per seed tutorial): every
//! answer key passes `kairos quiz check`, and every claim is also what
//! CPython 3.11 does on the virtual clock (`tools/vclock.py`; needs
//! `python3`, or `$PYTHON`).

use std::path::{Path, PathBuf};
use std::process::Command;

use kairos::quiz::check::{judge, Outcome};
use kairos::quiz::facts::{program_name, Facts};
use kairos::quiz::format::{Answer, Quiz};
use kairos::quiz::load_quiz;
use kairos::runner::RunOutcome;

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn sample_quizzes() -> Vec<(PathBuf, Quiz)> {
    let dir = Path::new(ROOT).join("samples/quizzes");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir:?}: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let quiz = load_quiz(&path).unwrap_or_else(|e| panic!("{path:?}: {e:?}"));
            (path, quiz)
        })
        .collect()
}

#[test]
fn every_sample_quiz_passes_check() {
    let output = Command::new(KAIROS)
        .args(["quiz", "check", "samples/quizzes"])
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("kairos runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "quiz check failed:\n{stdout}");
    let closing = stdout.lines().last().unwrap_or_default();
    assert!(
        closing.contains(" passed, 0 failed (4 not executable)"),
        "{closing}"
    );
}

#[test]
fn there_is_a_quiz_for_each_seed_tutorial() {
    let quizzes = sample_quizzes();
    let names: Vec<String> = quizzes
        .iter()
        .map(|(path, _)| path.file_name().unwrap().to_string_lossy()[..3].to_owned())
        .collect();
    assert_eq!(names, ["000", "001", "002", "003", "004"]);
    for (path, quiz) in &quizzes {
        let executable = quiz.questions.iter().filter(|q| q.code.is_some()).count();
        assert!(
            executable >= 5,
            "{path:?} has {executable} executable questions"
        );
    }
    let conceptual: Vec<&str> = quizzes[0]
        .1
        .questions
        .iter()
        .filter(|q| matches!(q.answer, Answer::Text { .. }))
        .map(|q| q.ask.as_str())
        .collect();
    assert_eq!(
        conceptual,
        [
            "What kind of tasks benefit most from async/await?",
            "What does await do when a coroutine reaches it?",
            "What does asyncio.gather(task1, task2) do?",
            "Where can you use the await keyword?",
        ]
    );
}

/// Runs `code` under CPython on the virtual clock, from a folder of its own,
/// as the file kairos names it.
fn cpython_facts(dir: &Path, id: &str, code: &str) -> Facts {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
    let name = program_name(id);
    std::fs::create_dir_all(dir).expect("scratch folder");
    std::fs::write(dir.join(&name), code).expect("write the program");
    let output = Command::new(&python)
        .arg(Path::new(ROOT).join("tools/vclock.py"))
        .arg(&name)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} (needed for the CPython reference): {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let (stderr, elapsed) = split_elapsed(&stderr);
    let outcome = RunOutcome {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        status: output.status.code().unwrap_or(-1),
        elapsed,
        stdout_times: Vec::new(),
    };
    Facts::from_outcome(&outcome)
}

/// vclock's stderr without its closing `elapsed: X.XXXs (virtual)` line, and X.
fn split_elapsed(stderr: &str) -> (String, f64) {
    let mut lines: Vec<&str> = stderr.lines().collect();
    let elapsed = lines
        .last()
        .and_then(|line| line.strip_prefix("elapsed: "))
        .and_then(|rest| rest.strip_suffix("s (virtual)"))
        .and_then(|value| value.parse::<f64>().ok());
    match elapsed {
        Some(seconds) => {
            lines.pop();
            let mut text = lines.join("\n");
            if !text.is_empty() {
                text.push('\n');
            }
            (text, seconds)
        }
        None => panic!("no elapsed line from vclock in:\n{stderr}"),
    }
}

#[test]
fn sample_claims_hold_under_cpython() {
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quiz_samples_cpython");
    let mut failures = Vec::new();
    for (path, quiz) in sample_quizzes() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for question in &quiz.questions {
            let Some(code) = &question.code else { continue };
            let facts = cpython_facts(&scratch.join(&stem), &question.id, code);
            let check = judge(question, facts);
            if check.outcome != Outcome::Right {
                failures.push(format!("{stem} {}: {:#?}", question.id, check));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "claims that CPython contradicts:\n{}",
        failures.join("\n")
    );
}
