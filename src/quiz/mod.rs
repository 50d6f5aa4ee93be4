//! `kairos quiz`: verifies quiz answer keys about async behaviour by running
//! each question's code on the virtual clock, quizzes learners in the
//! terminal, and drafts quizzes from programs.
//!
//! format (the TOML file) → facts (one run) → claims (each judged) →
//! check (is the key right?) → report / take / make.

pub mod check;
pub mod claims;
mod emit;
pub mod facts;
pub mod format;
pub mod grade;
mod highlight;
pub mod make;
pub mod report;
pub mod style;
pub mod take;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use format::{parse_quiz, Quiz};
use report::{FileCheck, Totals};
use style::Style;

/// Arguments of `kairos quiz`.
#[derive(clap::Args, Debug)]
pub struct QuizArgs {
    #[command(subcommand)]
    pub command: QuizCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum QuizCommand {
    /// Verify answer keys: run every question's code and judge every claim.
    Check {
        /// Quiz files, or folders of *.toml quizzes.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Quiz a learner in the terminal (answers may be piped in).
    Take {
        /// The quiz file.
        file: PathBuf,
    },
    /// Draft a quiz from programs: questions generated from their runs, each verified.
    Make {
        /// Python programs.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write the quiz to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The quiz's title.
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
}

pub fn run(args: QuizArgs) -> ExitCode {
    match args.command {
        QuizCommand::Check { files, format } => check_command(&files, format),
        QuizCommand::Take { file } => take_command(&file),
        QuizCommand::Make {
            files,
            output,
            title,
        } => make_command(&files, output.as_deref(), title.as_deref()),
    }
}

/// Why a quiz file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Missing or not UTF-8.
    Unreadable(String),
    /// Not valid TOML, or not a valid quiz: every problem found.
    Invalid(Vec<String>),
}

/// Reads and validates a quiz file.
pub fn load_quiz(path: &Path) -> Result<Quiz, LoadError> {
    let text = read_text(path).map_err(LoadError::Unreadable)?;
    let default_title = path
        .file_stem()
        .map_or_else(|| "quiz".to_owned(), |s| s.to_string_lossy().into_owned());
    parse_quiz(&text, &default_title).map_err(LoadError::Invalid)
}

fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))
}

/// Checks one quiz file.
pub fn check_file(path: &Path) -> FileCheck {
    let mut file = FileCheck {
        path: path.display().to_string(),
        title: None,
        questions: Vec::new(),
        errors: Vec::new(),
        unreadable: false,
    };
    match load_quiz(path) {
        Ok(quiz) => {
            file.questions = check::check_quiz(&quiz);
            file.title = Some(quiz.title);
        }
        Err(LoadError::Unreadable(message)) => {
            file.errors.push(message);
            file.unreadable = true;
        }
        Err(LoadError::Invalid(errors)) => file.errors = errors,
    }
    file
}

/// Exit status 0 when every key is right, 1 when one is wrong or ambiguous
/// or a file is not a valid quiz, 2 when a path cannot be read.
fn check_command(paths: &[PathBuf], format: ReportFormat) -> ExitCode {
    let (files, unreadable) = match quiz_files(paths) {
        Ok(files) => (files, false),
        Err((files, message)) => {
            eprintln!("kairos quiz: {message}");
            (files, true)
        }
    };
    let checked: Vec<FileCheck> = files.iter().map(|path| check_file(path)).collect();
    let unreadable = unreadable || checked.iter().any(|file| file.unreadable);
    let text = match format {
        ReportFormat::Text => report::render_text(&checked, Style::detect()),
        ReportFormat::Json => report::render_json(&checked) + "\n",
    };
    write_stdout(&text);
    if unreadable {
        ExitCode::from(2)
    } else if Totals::of(&checked).all_good() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The files named, with each folder replaced by its `*.toml` files
/// (sorted). A path that does not exist is an error, after the others.
fn quiz_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, (Vec<PathBuf>, String)> {
    let mut files = Vec::new();
    let mut problem = None;
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|entry| entry.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => problem = Some(format!("cannot read {}: {e}", path.display())),
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            problem = Some(format!("no such file: {}", path.display()));
        }
    }
    match problem {
        Some(message) => Err((files, message)),
        None => Ok(files),
    }
}

fn take_command(path: &Path) -> ExitCode {
    let quiz = match load_quiz(path) {
        Ok(quiz) => quiz,
        Err(error) => {
            report_load_error(path, &error);
            return ExitCode::from(2);
        }
    };
    let stdin = std::io::stdin();
    let options = take::TakeOptions {
        style: Style::detect(),
        echo: !stdin.is_terminal(),
    };
    let mut input = stdin.lock();
    // Unlocked: the interpreter flushes stdout from its own thread.
    let mut out = std::io::stdout();
    match take::take_quiz(&quiz, &mut input, &mut out, options) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("kairos quiz: {error}");
            ExitCode::FAILURE
        }
    }
}

fn report_load_error(path: &Path, error: &LoadError) {
    match error {
        LoadError::Unreadable(message) => eprintln!("kairos quiz: {message}"),
        LoadError::Invalid(errors) => {
            eprintln!("kairos quiz: {} is not a valid quiz:", path.display());
            for error in errors {
                eprintln!("  {error}");
            }
        }
    }
}

fn make_command(paths: &[PathBuf], output: Option<&Path>, title: Option<&str>) -> ExitCode {
    let mut programs = Vec::new();
    for path in paths {
        match read_text(path) {
            Ok(source) => programs.push((path.clone(), source)),
            Err(message) => {
                eprintln!("kairos quiz: {message}");
                return ExitCode::from(2);
            }
        }
    }
    let title = title.map_or_else(|| make::default_title(paths), str::to_owned);
    let text = make::make_quiz(&title, &programs);
    match output {
        Some(path) => match std::fs::write(path, &text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kairos quiz: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        None => {
            write_stdout(&text);
            ExitCode::SUCCESS
        }
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn write_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
