//! `kairos quiz make` on the seed examples: every quiz it writes passes
//! `kairos quiz check`, with the questions the programs call for.

use std::path::{Path, PathBuf};
use std::process::Command;

use kairos::quiz::format::Answer;
use kairos::quiz::load_quiz;

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The samples made from the seed tutorials' examples.
fn seed_examples() -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir:?}: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with("seeds__") && name.ends_with(".py")
        })
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "seed examples expected in {dir:?}");
    paths
}

fn kairos(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(KAIROS)
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("kairos runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn quizzes_made_from_the_seed_examples_pass_check() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quiz_make_seeds.toml");
    let mut args = vec!["quiz", "make", "-o", out.to_str().unwrap()];
    let examples = seed_examples();
    let names: Vec<String> = examples.iter().map(|p| p.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let (status, _, stderr) = kairos(&args);
    assert_eq!(status, 0, "{stderr}");

    let (status, stdout, _) = kairos(&["quiz", "check", out.to_str().unwrap()]);
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.trim_end().ends_with(" passed, 0 failed"), "{stdout}");

    let quiz = load_quiz(&out).expect("a valid quiz");
    let ids: Vec<&str> = quiz.questions.iter().map(|q| q.id.as_str()).collect();
    for example in &examples {
        let stem = example.file_stem().unwrap().to_string_lossy();
        let elapsed = format!("{stem}-elapsed");
        assert!(
            ids.contains(&elapsed.as_str()),
            "no {elapsed} among {ids:?}"
        );
    }
    for id in [
        "seeds__000_gather_fetch_data-first-line",
        "seeds__000_gather_fetch_data-last-line",
        "seeds__000_gather_fetch_data-output",
        "seeds__002_timeout_cm-raises",
        "seeds__004_asyncio_run_inside-raises",
        "seeds__000_await_rules-raises",
    ] {
        assert!(ids.contains(&id), "no {id} among {ids:?}");
    }
}

#[test]
fn the_elapsed_question_offers_the_sum_and_the_longest_sleep() {
    let (status, stdout, stderr) = kairos(&["quiz", "make", "samples/seeds__000_scraper.py"]);
    assert_eq!(status, 0, "{stderr}");
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("quiz_make_scraper.toml");
    std::fs::write(&path, &stdout).expect("write the quiz");
    let quiz = load_quiz(&path).expect("a valid quiz");
    assert_eq!(quiz.title, "Quiz on seeds__000_scraper.py");
    let question = &quiz.questions[0];
    assert_eq!(question.id, "seeds__000_scraper-elapsed");
    let Answer::Choices { choices, key } = &question.answer else {
        panic!("a multiple-choice question expected");
    };
    let texts: Vec<&str> = choices.iter().map(|c| c.text.as_str()).collect();
    // Pages of 1, 2 and 1.5 s: 2 s in all, 4.5 s if they added up.
    assert_eq!(
        texts,
        ["0 seconds", "2 seconds", "4 seconds", "4.5 seconds"]
    );
    assert_eq!(*key, 1);
    let explain = question.explain.as_deref().unwrap_or_default();
    assert!(explain.contains("the waits overlap"), "{explain}");
}

#[test]
fn an_unreadable_program_is_a_usage_error() {
    let (status, _, stderr) = kairos(&["quiz", "make", "no/such/program.py"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("cannot read no/such/program.py"),
        "{stderr}"
    );
}
