//! The five seed tutorials, reconstructed as Markdown pages under
//! `samples/tutorials/`, pass `kairos test`; and every expected output in
//! them is also what CPython 3.11 prints on the virtual clock
//! (`tools/vclock.py`, needs `python3` or `$PYTHON`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use kairos::runner::RunOutcome;
use kairos::snapshot::check::{check_with, Status};
use kairos::snapshot::example::{Example, Stream};
use kairos::snapshot::examples_in;
use kairos::snapshot::expect::Expected;

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn tutorials() -> Vec<PathBuf> {
    let dir = Path::new(ROOT).join("samples/tutorials");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir:?}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 5, "five seed tutorials in {dir:?}");
    pages
}

#[test]
fn tutorials_pass() {
    let output = Command::new(KAIROS)
        .args(["test", "--color", "always", "samples/tutorials"])
        .env("NO_COLOR", "1")
        .current_dir(ROOT)
        .output()
        .expect("kairos runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    let last = stdout.lines().last().unwrap_or_default();
    // --color always wins over NO_COLOR.
    assert!(
        last.contains(" passed, 0 failed, ") && last.contains("skipped"),
        "{last:?}"
    );
    assert!(last.starts_with('\x1b'), "{last:?}");
}

#[test]
fn every_tutorial_example_is_counted() {
    let mut counts = (0, 0);
    for page in tutorials() {
        for example in examples_in(&page) {
            assert!(
                example.problems.is_empty(),
                "{}: {:?}",
                example.at,
                example.problems
            );
            if example.skip {
                counts.1 += 1;
            } else {
                counts.0 += 1;
            }
        }
    }
    assert_eq!(
        counts,
        (39, 14),
        "(run, skipped) examples in samples/tutorials"
    );
}

/// Runs program texts under CPython on the virtual clock, each from a
/// file of its own in `folder`.
struct Reference {
    python: String,
    vclock: PathBuf,
    folder: PathBuf,
    runs: AtomicUsize,
}

impl Reference {
    fn new() -> Reference {
        let folder =
            std::env::temp_dir().join(format!("kairos-snapshot-cpython-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("a scratch folder");
        Reference {
            python: std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned()),
            vclock: Path::new(ROOT).join("tools/vclock.py"),
            folder,
            runs: AtomicUsize::new(0),
        }
    }

    fn run(&self, source: &str) -> RunOutcome {
        let number = self.runs.fetch_add(1, Ordering::Relaxed);
        let file = self.folder.join(format!("example_{number}.py"));
        std::fs::write(&file, source).expect("the program is written");
        let output = Command::new(&self.python)
            .arg(&self.vclock)
            .arg(&file)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {} (needed for the CPython reference): {e}",
                    self.python
                )
            });
        let mut stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let mut elapsed = 0.0;
        if let Some(at) = stderr.rfind("elapsed: ") {
            let report = stderr[at..].to_owned();
            elapsed = report
                .trim_start_matches("elapsed: ")
                .split('s')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("vclock reports the elapsed time: {report:?}"));
            stderr.truncate(at);
        }
        RunOutcome {
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr,
            status: output.status.code().unwrap_or(-1),
            elapsed,
            stdout_times: Vec::new(),
        }
    }
}

impl Drop for Reference {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// What the reference can be asked: it has no per-line times, so stamps
/// are dropped, and where one block of a program ends cannot be known.
fn without_timing_of_lines(mut example: Example) -> Example {
    let one_block = example.blocks.len() == 1;
    for claim in &mut example.outputs {
        for line in &mut claim.expect.lines {
            if let Expected::Line { at, .. } = line {
                *at = None;
            }
        }
        if !one_block && claim.stream != Stream::Stderr {
            claim.expect.elapsed = None;
        }
    }
    example
}

#[test]
fn tutorial_outputs_are_what_cpython_prints() {
    let reference = Reference::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for page in tutorials() {
        for example in examples_in(&page).into_iter().filter(|e| !e.skip) {
            let example = without_timing_of_lines(example);
            let result = check_with(&example, &|source: &str| reference.run(source));
            checked += 1;
            if result.status != Status::Passed {
                failures.push(format!("{}: {:#?}", example.at, result.failures));
            }
        }
    }
    assert_eq!(checked, 39);
    assert!(
        failures.is_empty(),
        "CPython disagrees:\n{}",
        failures.join("\n")
    );
}
