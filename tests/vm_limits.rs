//! Runaway programs end with a clear error, never a crash (SPEC §5).

use kairos::runner::{run_isolated, RunOptions, RunOutcome};
use kairos::vm::Limits;

fn run(source: &str) -> RunOutcome {
    let options = RunOptions {
        capture: true,
        ..RunOptions::default()
    };
    run_isolated("limits.py", source, options)
}

#[test]
fn ten_thousand_deep_recursion_is_a_recursion_error() {
    let outcome = run("def down(n):\n    return down(n - 1) if n else 0\n\nprint(down(10_000))\n");
    assert_eq!(outcome.status, 1);
    assert!(
        outcome
            .stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("[Previous line repeated"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn recursion_through_natives_is_a_recursion_error() {
    let source =
        "class Loop:\n    def __repr__(self):\n        return repr(self)\n\nprint(repr(Loop()))\n";
    let outcome = run(source);
    assert_eq!(outcome.status, 1);
    assert!(
        outcome.stderr.contains("RecursionError"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn caught_recursion_error_lets_the_program_go_on() {
    let source = "def f():\n    return f()\n\ntry:\n    f()\nexcept RecursionError as e:\n    print('caught', e)\nprint('after')\n";
    let outcome = run(source);
    assert_eq!(
        outcome.stdout,
        "caught maximum recursion depth exceeded\nafter\n"
    );
    assert_eq!(outcome.status, 0);
}

#[test]
fn an_endless_loop_stops_at_the_instruction_limit() {
    let options = RunOptions {
        capture: true,
        limits: Limits {
            max_instructions: 100_000,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    let outcome = run_isolated("spin.py", "while True:\n    pass\n", options);
    assert_eq!(outcome.status, 3);
    assert!(
        outcome.stderr.contains("--max-instructions"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_endless_timer_loop_stops_at_the_virtual_time_limit() {
    let options = RunOptions {
        capture: true,
        limits: Limits {
            max_virtual_time: 60.0,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    let source = "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(1)\n\nasyncio.run(main())\n";
    let outcome = run_isolated("tick.py", source, options);
    assert_eq!(outcome.status, 3);
    assert!(
        outcome.stderr.contains("--max-virtual-time"),
        "{}",
        outcome.stderr
    );
}
