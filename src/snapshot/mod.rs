//! `kairos test`: checks the outputs and timings that tutorials claim.
//!
//! Every example of a Markdown page (```python fences) or `.py` program
//! runs on the virtual clock; what it printed, when, and how it ended are
//! compared with the expected outputs written next to it. `--update`
//! rewrites the expected outputs that no longer hold.
//!
//! Pipeline: `discover` (files) → `markdown` / `pyfile` (examples and
//! their claims, `example`) → `check` (run, `matching`, `arrows` for `#> `
//! comments) → `report` / `machine` (output) and `update` (rewrites).

mod arrows;
pub mod check;
mod discover;
pub mod example;
pub mod expect;
mod fences;
mod lines;
mod machine;
mod markdown;
mod markers;
mod matching;
mod pyfile;
mod report;
pub mod update;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

use check::{Checked, Status};
use discover::Candidate;
use example::{Example, Location};

use crate::vm::Limits;

/// Arguments of `kairos test`.
#[derive(clap::Args, Debug)]
pub struct TestArgs {
    /// Files and folders (searched recursively) of .md and .py examples.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Rewrite the expected outputs that do not hold with what kairos printed.
    #[arg(long, conflicts_with = "check")]
    pub update: bool,
    /// Only check, never write (the default).
    #[arg(long)]
    pub check: bool,
    /// How to report on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also write a JUnit XML report to FILE.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Colour the report: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Stop an example after this many bytecode instructions.
    #[arg(long, default_value_t = Limits::default().max_instructions)]
    pub max_instructions: u64,
    /// Stop an example when the virtual clock passes this many seconds.
    #[arg(long, default_value_t = Limits::default().max_virtual_time)]
    pub max_virtual_time: f64,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Exit status when every example passes, when one fails, and for usage
/// errors (as clap's own).
const PASSED: u8 = 0;
const FAILED: u8 = 1;
const USAGE: u8 = 2;

/// `kairos test`: checks every example under `args.paths` in parallel,
/// reports, and rewrites expected outputs with `--update`.
pub fn run(args: TestArgs) -> ExitCode {
    let candidates = match discover::candidates(&args.paths) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("kairos test: {message}");
            return ExitCode::from(USAGE);
        }
    };
    let examples: Vec<Example> = candidates.par_iter().flat_map_iter(load).collect();
    if examples.is_empty() {
        eprintln!(
            "kairos test: no examples found (```python fences in .md pages, or .py programs)"
        );
        return ExitCode::from(USAGE);
    }
    let limits = Limits {
        max_instructions: args.max_instructions,
        max_virtual_time: args.max_virtual_time,
        ..Limits::default()
    };
    let mut results: Vec<Checked> = examples
        .par_iter()
        .map(|e| check::check(e, limits))
        .collect();
    let updated = if args.update {
        update_files(&mut results)
    } else {
        Vec::new()
    };
    let report = match args.format {
        Format::Human => report::human(
            &results,
            &updated,
            report::Palette::new(use_color(args.color)),
        ),
        Format::Json => machine::json_report(&results, &updated),
    };
    print!("{report}");
    if let Some(path) = &args.junit {
        if let Err(e) = std::fs::write(path, machine::junit_report(&results)) {
            eprintln!("kairos test: cannot write {}: {e}", path.display());
            return ExitCode::from(USAGE);
        }
    }
    let failed = results.iter().any(|r| r.status == Status::Failed);
    ExitCode::from(if failed { FAILED } else { PASSED })
}

/// The examples of a file, as `kairos test FILE` sees them.
pub fn examples_in(path: &std::path::Path) -> Vec<Example> {
    load(&Candidate {
        path: path.to_path_buf(),
        named: true,
    })
}

/// The examples of one file; an unreadable file is one failing example.
fn load(candidate: &Candidate) -> Vec<Example> {
    let path = &candidate.path;
    let text = match pyfile::read_text(path) {
        Ok(text) => text,
        Err(message) => {
            return vec![Example::problem(
                Location {
                    path: path.clone(),
                    line: 1,
                },
                message,
            )]
        }
    };
    match discover::kind(path) {
        Some(discover::Kind::Markdown) => markdown::examples(path, &text),
        Some(discover::Kind::Python) => pyfile::example(path, &text, candidate.named)
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Applies the rewrites of failing examples; an example whose every
/// failure was rewritten now passes. Returns where expected outputs were
/// rewritten; a file that cannot be written fails its examples.
fn update_files(results: &mut [Checked]) -> Vec<String> {
    let edits: Vec<update::Edit> = results
        .iter()
        .flat_map(|r| r.edits.iter().cloned())
        .collect();
    let errors: Vec<(PathBuf, String)> = update::apply(&edits)
        .into_iter()
        .filter_map(|(path, outcome)| outcome.err().map(|e| (path, e)))
        .collect();
    let mut updated = Vec::new();
    for result in results.iter_mut().filter(|r| !r.edits.is_empty()) {
        let error = errors
            .iter()
            .find(|(path, _)| result.edits.iter().any(|e| &e.path == path));
        if let Some((_, message)) = error {
            result
                .failures
                .push(check::Failure::new(result.at.clone(), message.clone()));
            continue;
        }
        let (rewritten, kept) = std::mem::take(&mut result.failures)
            .into_iter()
            .partition(|f| f.rewritable);
        result.failures = kept;
        updated.extend(rewritten.iter().map(|f: &check::Failure| f.at.to_string()));
        if result.failures.is_empty() {
            result.status = Status::Passed;
        }
    }
    updated
}
