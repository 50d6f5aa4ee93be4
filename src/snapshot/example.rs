//! What `kairos test` checks: examples (one program each) and the claims
//! their pages make about them.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use super::expect::Expectation;

/// A line of a file, for reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub path: PathBuf,
    /// 1-based.
    pub line: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.line)
    }
}

/// Code lines as they sit in a file (a fenced block, or a whole `.py`), so
/// `#> ` comments can be rewritten in place.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub path: PathBuf,
    /// The code lines, without the fence's indentation.
    pub lines: Vec<String>,
    /// Each line's bytes in the file, terminator included.
    pub bytes: Vec<Range<usize>>,
    /// The 1-based line of the first code line, in the file and in the
    /// program alike.
    pub first_line: usize,
    /// The fence's indentation, given back to lines written into the file.
    pub indent: String,
    /// The file's line terminator.
    pub eol: &'static str,
    /// Whether the last line ends with a terminator.
    pub terminated: bool,
    /// Whether the block holds `#> ` comments to check.
    pub has_comments: bool,
}

/// Which output a claim is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// What block `n` of the program printed (the whole stdout when the
    /// program is one block).
    Stdout {
        block: usize,
    },
    Stderr,
}

/// Bytes of a file holding an expected output, rewritten by `--update`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub path: PathBuf,
    pub bytes: Range<usize>,
    /// Put before every non-empty line written.
    pub indent: String,
    pub eol: &'static str,
    /// The enclosing fence, which no written line may close.
    pub fence: Option<(char, usize)>,
}

/// An expected output and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct OutputClaim {
    pub stream: Stream,
    pub at: Location,
    pub expect: Expectation,
    /// `None` when the output cannot be rewritten in place (an unclosed fence).
    pub target: Option<Target>,
}

/// One program and its claims.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub at: Location,
    /// The file name tracebacks show.
    pub name: String,
    /// The program. For a Markdown page, its code blocks at their own line
    /// numbers (other lines blank), so tracebacks point into the page.
    pub source: String,
    pub blocks: Vec<Block>,
    pub skip: bool,
    /// `kairos:raises=Name`: the exception the program must end with.
    pub raises: Option<String>,
    pub outputs: Vec<OutputClaim>,
    /// Markup that cannot be checked as written (an unknown option ...):
    /// the example fails with these messages without running.
    pub problems: Vec<(Location, String)>,
}

impl Example {
    /// A failing example that only reports a problem (an unreadable file).
    pub fn problem(at: Location, message: impl Into<String>) -> Example {
        Example {
            at: at.clone(),
            name: String::new(),
            source: String::new(),
            blocks: Vec::new(),
            skip: false,
            raises: None,
            outputs: Vec::new(),
            problems: vec![(at, message.into())],
        }
    }

    pub fn claims_stderr(&self) -> bool {
        self.outputs.iter().any(|c| c.stream == Stream::Stderr)
    }
}
