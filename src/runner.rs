//! Running a program file: parse, compile, execute, and report the result
//! the way CPython would (tracebacks, exit status), plus the elapsed
//! virtual time.

use std::rc::Rc;

use crate::source::SourceFile;
use crate::value::Value;
use crate::vm::exceptions::{ExcKind, PyErr};
use crate::vm::objects::DictObj;
use crate::vm::{Limits, SchedulerObserver, Vm};

/// How a run is set up.
#[derive(Default)]
pub struct RunOptions {
    /// Capture stdout/stderr into the outcome instead of printing them.
    pub capture: bool,
    pub limits: Limits,
    pub observer: Option<Box<dyn SchedulerObserver>>,
    pub argv: Vec<String>,
}

/// What a run produced.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOutcome {
    /// Captured output (empty unless `capture` was set).
    pub stdout: String,
    pub stderr: String,
    /// The process exit status CPython would have.
    pub status: i32,
    /// Virtual seconds elapsed.
    pub elapsed: f64,
    /// (byte offset in `stdout`, virtual time) of every write.
    pub stdout_times: Vec<(usize, f64)>,
}

impl RunOutcome {
    /// Each line of stdout with the virtual time at which its first
    /// character was written.
    pub fn timed_lines(&self) -> Vec<(f64, String)> {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in self.stdout.split_inclusive('\n') {
            let time = self
                .stdout_times
                .iter()
                .take_while(|(offset, _)| *offset <= start)
                .last()
                .map_or(0.0, |(_, t)| *t);
            lines.push((time, line.trim_end_matches('\n').to_owned()));
            start += line.len();
        }
        lines
    }
}

/// Runs a program on a thread of its own with a large stack (natives that
/// call back into Python nest Rust frames), so callers can run many programs
/// in parallel. An interpreter failure becomes exit status 70.
pub fn run_isolated(filename: &str, source: &str, options: RunOptions) -> RunOutcome {
    let (name, text) = (filename.to_owned(), source.to_owned());
    let handle = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run_source(&name, &text, options));
    match handle.map(|h| h.join()) {
        Ok(Ok(outcome)) => outcome,
        _ => RunOutcome {
            stdout: String::new(),
            stderr: "kairos: internal error: the interpreter stopped unexpectedly\n".to_owned(),
            status: 70,
            elapsed: 0.0,
            stdout_times: Vec::new(),
        },
    }
}

/// Runs `source` as the `__main__` module of a file called `filename`.
pub fn run_source(filename: &str, source: &str, options: RunOptions) -> RunOutcome {
    let mut argv = options.argv;
    if argv.is_empty() {
        argv.push(filename.to_owned());
    }
    let mut vm = Vm::new(filename, argv);
    vm.limits = options.limits;
    vm.observer = options.observer;
    if options.capture {
        vm.capture = Some((String::new(), String::new()));
    }
    let status = execute_main(&mut vm, filename, source);
    vm.flush_warnings_at_exit();
    vm.flush();
    let (stdout, stderr) = vm.capture.take().unwrap_or_default();
    RunOutcome {
        stdout,
        stderr,
        status,
        elapsed: vm.clock,
        stdout_times: std::mem::take(&mut vm.stdout_times),
    }
}

fn execute_main(vm: &mut Vm, filename: &str, source: &str) -> i32 {
    let file = Rc::new(SourceFile::new(filename, source));
    vm.sources.insert(filename.into(), file.clone());
    let compiled = crate::syntax::parse_module(&file)
        .and_then(|module| crate::compile::compile_module(&module, filename, source));
    let code = match compiled {
        Ok(code) => code,
        Err(err) => {
            // People at a terminal get the richer report; files, pipes and
            // snapshots get CPython's exact text.
            let terminal =
                vm.capture.is_none() && std::io::IsTerminal::is_terminal(&std::io::stderr());
            let text = if terminal {
                let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
                err.render_fancy(&file, color)
            } else {
                err.render(&file)
            };
            vm.write_stderr(&text);
            return 1;
        }
    };
    let globals = DictObj::new();
    globals.set_str("__name__", Value::str("__main__"));
    globals.set_str("__file__", Value::str(filename));
    globals.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
    let frame = vm.module_frame(code, globals.clone());
    let status = match vm.run_frame(frame) {
        Ok(_) => {
            vm.flush_pending_warnings();
            finish_threads(vm, 0)
        }
        Err(err @ PyErr::Raise(_)) => {
            let status = report_uncaught(vm, err);
            finish_threads(vm, status)
        }
        Err(err) => report_uncaught(vm, err),
    };
    // Interpreter shutdown: the main module's names go first, as in CPython.
    vm.flush_pending_warnings();
    globals.map.borrow_mut().clear();
    status
}

/// At exit CPython waits for the threads of executors still running jobs;
/// kairos runs its simulated threads to the end (`_simthreads`).
fn finish_threads(vm: &mut Vm, status: i32) -> i32 {
    let Some(module) = vm.modules.get("_simthreads").cloned() else {
        return status;
    };
    let finished = vm
        .getattr(&module, "finish_at_exit")
        .and_then(|finish| vm.call(&finish, Vec::new(), &[]));
    match finished {
        Ok(_) => status,
        Err(err) => report_uncaught(vm, err),
    }
}

/// Prints an uncaught exception and returns the exit status.
fn report_uncaught(vm: &mut Vm, err: PyErr) -> i32 {
    vm.flush_pending_warnings();
    match err {
        PyErr::Raise(exc) => {
            if vm.is_exc_kind(&exc, ExcKind::SystemExit) {
                return system_exit_status(vm, &exc);
            }
            let text = vm.format_exception(&exc);
            vm.write_stderr(&text);
            1
        }
        PyErr::Fatal { report, status } => {
            vm.write_stderr(&report);
            if !report.ends_with('\n') {
                vm.write_stderr("\n");
            }
            status
        }
        PyErr::Suspend(_) => {
            vm.write_stderr("kairos: time.sleep() suspended outside a thread\n");
            70
        }
    }
}

/// `SystemExit(code)`: None → 0, int → itself, anything else is printed → 1.
fn system_exit_status(vm: &mut Vm, exc: &Value) -> i32 {
    let code = Vm::exc_data(exc)
        .and_then(|d| d.borrow().args.first().cloned())
        .unwrap_or(Value::None);
    match code {
        Value::None => 0,
        Value::Int(i) => i as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = vm.to_str(&other).unwrap_or_default();
            vm.write_stderr(&format!("{text}\n"));
            1
        }
    }
}
