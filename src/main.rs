//! The `kairos` command line.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use kairos::runner::{run_isolated, RunOptions};
use kairos::vm::{Limits, SchedulerObserver};

/// Run asyncio programs on a deterministic virtual clock.
#[derive(Parser)]
#[command(name = "kairos", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program and report the elapsed virtual time.
    Run {
        /// The program (`-` reads it from standard input).
        file: String,
        /// Do not report the elapsed virtual time.
        #[arg(long, short)]
        quiet: bool,
        /// Log every scheduling event with its virtual timestamp (stderr).
        #[arg(long)]
        trace: bool,
        /// Stop after this many bytecode instructions.
        #[arg(long, default_value_t = Limits::default().max_instructions)]
        max_instructions: u64,
        /// Stop when the virtual clock passes this many seconds.
        #[arg(long, default_value_t = Limits::default().max_virtual_time)]
        max_virtual_time: f64,
        /// Arguments passed to the program as sys.argv[1:].
        args: Vec<String>,
    },
    /// Snapshot-test the outputs and timings that .md/.py examples claim.
    Test(kairos::snapshot::TestArgs),
    /// Verify quiz answer keys, or quiz a learner.
    Quiz(kairos::quiz::QuizArgs),
}

/// `--trace`: one line per scheduling event.
struct TraceLog;

impl SchedulerObserver for TraceLog {
    fn event(&mut self, time: f64, kind: &str, task: &str, detail: &str) {
        let mut line = format!("[{time:>9.3}s] {kind}");
        if !task.is_empty() {
            line.push(' ');
            line.push_str(task);
        }
        if !detail.is_empty() {
            line.push_str(": ");
            line.push_str(detail);
        }
        eprintln!("{line}");
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Test(args) => kairos::snapshot::run(args),
        Command::Quiz(args) => kairos::quiz::run(args),
        Command::Run {
            file,
            quiet,
            trace,
            max_instructions,
            max_virtual_time,
            args,
        } => {
            let (name, source) = match read_program(&file) {
                Ok(found) => found,
                Err(message) => {
                    eprintln!("kairos: {message}");
                    return ExitCode::from(2);
                }
            };
            let mut argv = vec![name.clone()];
            argv.extend(args);
            let options = RunOptions {
                capture: false,
                limits: Limits {
                    max_instructions,
                    max_virtual_time,
                    ..Limits::default()
                },
                observer: trace.then(|| Box::new(TraceLog) as Box<dyn SchedulerObserver>),
                argv,
            };
            let outcome = run_isolated(&name, &source, options);
            if outcome.status == 70 && !outcome.stderr.is_empty() {
                eprint!("{}", outcome.stderr);
            }
            if !quiet {
                eprintln!("elapsed: {:.3}s (virtual)", outcome.elapsed);
            }
            ExitCode::from(outcome.status.clamp(0, 255) as u8)
        }
    }
}

/// The program text and the name tracebacks show for it.
fn read_program(file: &str) -> Result<(String, String), String> {
    if file == "-" {
        let mut source = String::new();
        std::io::stdin()
            .read_to_string(&mut source)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(("<stdin>".to_owned(), source));
    }
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let source = String::from_utf8(bytes).map_err(|_| format!("{file} is not UTF-8 text"))?;
    Ok((file.to_owned(), source))
}
