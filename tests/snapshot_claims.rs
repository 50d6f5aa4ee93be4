//! Copies of the tutorials with deliberately wrong claims (a wrong line, a
//! wrong order, a wrong elapsed time, a wrong timestamp, a missing
//! exception ...) each fail with the right diff; `--check` never writes;
//! `--update` turns each copy back into the tutorial byte for byte; and
//! tutorial 002's false prose claims (tests/snapshot_fixtures/) are caught.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const KAIROS: &str = env!("CARGO_BIN_EXE_kairos");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Numbers the scratch folders of cases running in parallel.
static CASES: AtomicUsize = AtomicUsize::new(0);

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!(
            "kairos-snapshot-claims-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("a scratch folder");
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `kairos test ARGS` from `folder`: exit status and stdout.
fn kairos_test(folder: &Path, args: &[&str]) -> (i32, String) {
    let output = Command::new(KAIROS)
        .arg("test")
        .args(args)
        .current_dir(folder)
        .env_remove("NO_COLOR")
        .output()
        .expect("kairos runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 report");
    (output.status.code().unwrap_or(-1), stdout)
}

fn tutorial(page: &str) -> String {
    let path = Path::new(ROOT).join("samples/tutorials").join(page);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path:?}: {e}"))
}

/// What `--update` must do with a wrong copy.
#[derive(PartialEq)]
enum Update {
    /// Give back the tutorial exactly.
    Restores,
    /// Nothing: the wrong claim is not an output (an exception claim).
    CannotFix,
}

struct Case<'a> {
    page: &'a str,
    /// Text of the page (occurring once) and what the wrong copy says instead.
    from: &'a str,
    to: &'a str,
    /// Lines the report must show.
    report: &'a [&'a str],
    /// The closing line.
    totals: &'a str,
    update: Update,
}

fn assert_caught(case: Case<'_>) {
    let original = tutorial(case.page);
    assert_eq!(
        original.matches(case.from).count(),
        1,
        "{:?} occurs once in {}",
        case.from,
        case.page
    );
    let wrong = original.replace(case.from, case.to);
    let scratch = Scratch::new(&format!("case-{}", CASES.fetch_add(1, Ordering::Relaxed)));
    let copy = scratch.0.join(case.page);
    std::fs::write(&copy, &wrong).unwrap();

    let (status, report) = kairos_test(&scratch.0, &[case.page]);
    assert_eq!(status, 1, "{report}");
    for line in case.report {
        assert!(
            report.contains(line),
            "the report shows {line:?}:\n{report}"
        );
    }
    assert_eq!(report.lines().last(), Some(case.totals), "{report}");
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        wrong,
        "--check never writes"
    );

    let (status, report) = kairos_test(&scratch.0, &["--update", case.page]);
    let updated = std::fs::read_to_string(&copy).unwrap();
    match case.update {
        Update::Restores => {
            assert_eq!(status, 0, "{report}");
            assert!(
                report.contains(&format!("updated {}:", case.page)),
                "{report}"
            );
            assert_eq!(
                updated, original,
                "--update restores the tutorial byte for byte"
            );
            let (status, report) = kairos_test(&scratch.0, &["--check", case.page]);
            assert_eq!(status, 0, "{report}");
        }
        Update::CannotFix => {
            assert_eq!(status, 1, "{report}");
            assert_eq!(updated, wrong, "nothing to rewrite");
        }
    }
}

#[test]
fn a_wrong_line() {
    assert_caught(Case {
        page: "000_async_and_await.md",
        from: "[2.000s] Done: user\n",
        to: "[2.000s] Done: users\n",
        report: &[
            "FAIL 000_async_and_await.md:31",
            "output differs (000_async_and_await.md:53)",
            "--- expected\n+++ actual\n@@ -1,6 +1,6 @@\n [0.000s] Starting: user\n [0.000s] Starting: orders\n-[2.000s] Done: users\n+[2.000s] Done: user\n [3.000s] Done: orders\n",
        ],
        totals: "2 passed, 1 failed",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_order() {
    assert_caught(Case {
        page: "000_async_and_await.md",
        from: "[0.000s] Starting: user\n[0.000s] Starting: orders\n",
        to: "[0.000s] Starting: orders\n[0.000s] Starting: user\n",
        report: &[
            "+[0.000s] Starting: user\n [0.000s] Starting: orders\n-[0.000s] Starting: user\n",
        ],
        totals: "2 passed, 1 failed",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_elapsed_time() {
    assert_caught(Case {
        page: "000_async_and_await.md",
        from: "['user result', 'orders result']\nelapsed: 3.000s\n",
        to: "['user result', 'orders result']\nelapsed: 5.000s\n",
        report: &[" ['user result', 'orders result']\n-elapsed: 5.000s\n+elapsed: 3.000s\n"],
        totals: "2 passed, 1 failed",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_timestamp() {
    assert_caught(Case {
        page: "000_async_and_await.md",
        from: "[3.000s] Done: orders\n",
        to: "[2.000s] Done: orders\n",
        report: &["-[2.000s] Done: orders\n+[3.000s] Done: orders\n"],
        totals: "2 passed, 1 failed",
        update: Update::Restores,
    });
}

#[test]
fn a_missing_exception_claim() {
    assert_caught(Case {
        page: "000_async_and_await.md",
        from: "```python kairos:raises=SyntaxError\n",
        to: "```python\n",
        report: &[
            "FAIL 000_async_and_await.md:77\nthe example raised SyntaxError (an uncaught exception)\n",
            "      File \"000_async_and_await.md\", line 84\n",
            "    SyntaxError: 'await' outside async function\n",
        ],
        totals: "2 passed, 1 failed",
        update: Update::CannotFix,
    });
}

#[test]
fn an_exception_that_does_not_happen() {
    assert_caught(Case {
        page: "004_async_explained.md",
        from: "## The basics\n\n```python\n",
        to: "## The basics\n\n```python kairos:raises=TimeoutError\n",
        report: &[
            "expected the example to raise TimeoutError, but it finished without an exception\n",
        ],
        totals: "4 passed, 1 failed, 5 skipped",
        update: Update::CannotFix,
    });
}

#[test]
fn a_different_exception() {
    assert_caught(Case {
        page: "002_async_await_concurrent_io.md",
        from: "kairos:raises=TimeoutError",
        to: "kairos:raises=asyncio.CancelledError",
        report: &[
            "expected the example to raise asyncio.CancelledError, but it raised TimeoutError\n",
        ],
        totals: "16 passed, 1 failed, 7 skipped",
        update: Update::CannotFix,
    });
}

#[test]
fn a_wrong_line_in_an_unordered_output() {
    assert_caught(Case {
        page: "001_python_async_await.md",
        from: "[2.000s] Task 2: end\n",
        to: "[2.000s] Task 4: end\n",
        report: &["-[2.000s] Task 4: end\n+[2.000s] Task 2: end\n"],
        totals: "3 passed, 1 failed, 1 skipped",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_line_under_an_ellipsis() {
    assert_caught(Case {
        page: "002_async_await_concurrent_io.md",
        from: " 1.0s start u5\n",
        to: " 1.5s start u5\n",
        report: &["  0.0s start u4\n- 1.5s start u5\n+ 1.0s start u5\n ...\n"],
        totals: "16 passed, 1 failed, 7 skipped",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_print_comment() {
    assert_caught(Case {
        page: "003_async_and_await_keywords.md",
        from: "#> Hello, Alice\n",
        to: "#> Hello, Bob\n",
        report: &[
            "`#> ` comments differ from what the print calls printed (003_async_and_await_keywords.md:38)\n",
            " print(result)\n-#> Hello, Bob\n+#> Hello, Alice\n",
        ],
        totals: "9 passed, 1 failed, 1 skipped",
        update: Update::Restores,
    });
}

#[test]
fn a_wrong_line_in_a_continuing_block() {
    assert_caught(Case {
        page: "002_async_await_concurrent_io.md",
        from: "[1.000s] Took 1.00s\n",
        to: "[1.000s] Took 2.00s\n",
        report: &["-[1.000s] Took 2.00s\n+[1.000s] Took 1.00s\n"],
        totals: "16 passed, 1 failed, 7 skipped",
        update: Update::Restores,
    });
}

/// A continuing block is timed from its own start, not the program's.
#[test]
fn a_continuing_block_timed_from_the_program_start() {
    assert_caught(Case {
        page: "002_async_await_concurrent_io.md",
        from: "[1.000s] Took 1.00s\nelapsed: 1.000s\n",
        to: "[3.000s] Took 1.00s\nelapsed: 3.000s\n",
        report: &[
            "-[3.000s] Took 1.00s\n-elapsed: 3.000s\n+[1.000s] Took 1.00s\n+elapsed: 1.000s\n",
        ],
        totals: "16 passed, 1 failed, 7 skipped",
        update: Update::Restores,
    });
}

#[test]
fn reordering_an_unordered_output_still_passes() {
    let original = tutorial("001_python_async_await.md");
    let from = "[0.000s] Task 1: start\n[0.000s] Task 2: start\n";
    let shuffled = original.replace(from, "[0.000s] Task 2: start\n[0.000s] Task 1: start\n");
    assert_ne!(shuffled, original);
    let scratch = Scratch::new("unordered");
    std::fs::write(scratch.0.join("page.md"), &shuffled).unwrap();
    let (status, report) = kairos_test(&scratch.0, &["page.md"]);
    assert_eq!(
        (status, report.as_str()),
        (0, "4 passed, 0 failed, 1 skipped\n")
    );
}

#[test]
fn update_leaves_passing_tutorials_untouched() {
    let scratch = Scratch::new("untouched");
    for page in [
        "000_async_and_await.md",
        "001_python_async_await.md",
        "002_async_await_concurrent_io.md",
        "003_async_and_await_keywords.md",
        "004_async_explained.md",
    ] {
        std::fs::write(scratch.0.join(page), tutorial(page)).unwrap();
    }
    let (status, report) = kairos_test(&scratch.0, &["--update", "."]);
    assert_eq!(status, 0, "{report}");
    assert!(!report.contains("updated"), "{report}");
    for page in ["000_async_and_await.md", "003_async_and_await_keywords.md"] {
        assert_eq!(
            std::fs::read_to_string(scratch.0.join(page)).unwrap(),
            tutorial(page)
        );
    }
}

/// The four prose claims of tutorial 002 that running it disproves.
#[test]
fn tutorial_002_prose_claims_are_false() {
    let fixtures = Path::new(ROOT).join("tests/snapshot_fixtures");
    let (status, report) = kairos_test(
        &fixtures,
        &["002_prose_claims.md", "002_forgotten_await.py"],
    );
    assert_eq!(status, 1, "{report}");
    for shown in [
        // gather does not cancel the rest.
        " [0.500s] gather raised: acme.com refused the connection\n+[1.000s] globex.com finished\n+[1.500s] initech.com finished\n [2.500s] main done\n",
        // create_task does not start the task immediately.
        "+task created\n order 101: started\n-task created\n",
        // `await main()` in a script is a SyntaxError: nothing runs.
        "expected the example to raise RuntimeError, but it raised SyntaxError\n",
        "@@ -1 +0,0 @@\n-script started\n",
        // Forgotten awaits: the tasks run, concurrently, and nothing warns.
        "@@ -0,0 +1,3 @@\n+task done\n+gather a done\n+gather b done\n",
        "stderr differs (002_forgotten_await.err:1)\n--- expected\n+++ actual\n@@ -1 +0,0 @@\n-002_forgotten_await.py:10: RuntimeWarning: coroutine 'work' was never awaited\n",
    ] {
        assert!(report.contains(shown), "the report shows {shown:?}:\n{report}");
    }
    assert_eq!(report.lines().last(), Some("0 passed, 5 failed"));
}
