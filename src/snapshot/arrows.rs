//! pytest-examples' `#> ` comments: the lines right after a `print(...)`
//! statement hold what that call printed (every time it ran, in order).
//! Output is attributed to print calls by a second, instrumented run (see
//! `markers`); a block whose comments disagree is shown as a diff of its
//! code, and `--update` rewrites just those comment lines.

use std::ops::Range;

use super::check::Failure;
use super::example::{Block, Location};
use super::expect::{Expectation, Syntax};
use super::markers::{site_prefix, Marked};
use super::matching::{judge, Printed};
use super::update::Edit;
use crate::ast::{ExprKind, Stmt, StmtKind};
use crate::source::SourceFile;

/// A statement-level print call of the program.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Byte offset of `print` in the program.
    pub start: usize,
    /// 1-based lines of the call's first and last character.
    pub line: usize,
    pub end_line: usize,
}

/// The print statements of a program, in source order; none when it does
/// not parse (the run reports the SyntaxError).
pub fn sites(source: &str) -> Vec<Site> {
    let text = source.to_owned();
    // Parsing runs on a thread with a large stack, as programs do.
    let parsed = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let file = SourceFile::new("<example>", text);
            let module = crate::syntax::parse_module(&file).ok()?;
            let mut found = Vec::new();
            collect(&module.body, &file, &mut found);
            found.sort_by_key(|s| s.start);
            Some(found)
        })
        .ok()
        .and_then(|handle| handle.join().ok())
        .flatten();
    parsed.unwrap_or_default()
}

fn collect(body: &[Stmt], file: &SourceFile, found: &mut Vec<Site>) {
    for stmt in body {
        match &stmt.node {
            StmtKind::Expr(expr) => {
                if let ExprKind::Call { func, .. } = &expr.node {
                    if matches!(&func.node, ExprKind::Name(name) if name == "print") {
                        let (line, _) = file.line_col(expr.span.start);
                        let (end_line, _) = file.line_col(expr.span.end.saturating_sub(1));
                        found.push(Site {
                            start: expr.span.start as usize,
                            line,
                            end_line,
                        });
                    }
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect(body, file, found);
                collect(orelse, file, found);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                collect(body, file, found);
                for handler in handlers {
                    collect(&handler.body, file, found);
                }
                collect(orelse, file, found);
                collect(finalbody, file, found);
            }
            StmtKind::With { body, .. } => collect(body, file, found),
            StmtKind::FunctionDef(def) => collect(&def.body, file, found),
            StmtKind::ClassDef(def) => collect(&def.body, file, found),
            _ => {}
        }
    }
}

/// The program with every print statement first writing its site marker.
pub fn instrument(source: &str, sites: &[Site]) -> String {
    let mut out = source.to_owned();
    for (index, site) in sites.iter().enumerate().rev() {
        out.insert_str(site.start, &site_prefix(index));
    }
    out
}

/// A run of `#>` lines, as indices into the block's lines.
fn comment_runs(block: &Block) -> Vec<Range<usize>> {
    let is_comment = |i: usize| block.lines[i].trim_start().starts_with("#>");
    let mut runs = Vec::new();
    let mut i = 0;
    while i < block.lines.len() {
        if is_comment(i) {
            let start = i;
            while i < block.lines.len() && is_comment(i) {
                i += 1;
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    runs
}

/// A replacement of block lines `lines` by `new` (indented, without the
/// fence's indentation).
struct Change {
    lines: Range<usize>,
    new: Vec<String>,
}

/// Checks the `#>` comments of `block` against what each print site
/// printed in the instrumented run.
pub fn judge_block(block: &Block, sites: &[Site], marked: &Marked) -> Option<(Failure, Vec<Edit>)> {
    let index_of = |line: usize| {
        line.checked_sub(block.first_line)
            .filter(|i| *i < block.lines.len())
    };
    let mut runs = comment_runs(block);
    let mut changes = Vec::new();
    for (number, site) in sites.iter().enumerate() {
        let Some(end) = index_of(site.end_line) else {
            continue;
        };
        let Some(first) = index_of(site.line) else {
            continue;
        };
        let printed = marked.lines(|p| p.site == Some(number));
        let run = runs
            .iter()
            .position(|r| r.start == end + 1)
            .map(|i| runs.remove(i));
        let indent = match &run {
            Some(run) => super::lines::indentation(&block.lines[run.start]).to_owned(),
            None => super::lines::indentation(&block.lines[first]).to_owned(),
        };
        let new = match &run {
            Some(run) => {
                let expect =
                    Expectation::parse(&comment_texts(&block.lines[run.clone()]), SITE, false);
                let verdict = judge(&expect, &printed, None);
                if verdict.passed {
                    continue;
                }
                verdict.actual
            }
            None => plain(&printed),
        };
        if run.is_none() && new.is_empty() {
            continue;
        }
        changes.push(Change {
            lines: run.unwrap_or(end + 1..end + 1),
            new: new.iter().map(|text| comment_line(&indent, text)).collect(),
        });
    }
    // Comments after no print statement describe nothing: they go.
    changes.extend(runs.into_iter().map(|lines| Change {
        lines,
        new: Vec::new(),
    }));
    if changes.is_empty() {
        return None;
    }
    changes.sort_by_key(|c| c.lines.start);
    let first_change = changes[0].lines.start;
    let at = Location {
        path: block.path.clone(),
        line: block.first_line + first_change.saturating_sub(1),
    };
    let mut failure = Failure::new(
        at,
        "`#> ` comments differ from what the print calls printed",
    );
    failure.diff = Some((block.lines.clone(), apply(&block.lines, &changes)));
    let edits = changes.iter().map(|c| edit(block, c)).collect();
    Some((failure, edits))
}

/// `#> ` comments hold one print call's lines: stamps yes, no total time.
const SITE: Syntax = Syntax {
    stamps: true,
    elapsed: false,
    console: false,
};

fn comment_texts(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            let text = l.trim_start().strip_prefix("#>").unwrap_or_default();
            text.strip_prefix(' ').unwrap_or(text).to_owned()
        })
        .collect()
}

fn plain(printed: &[Printed]) -> Vec<String> {
    let mut lines: Vec<String> = printed.iter().map(|p| p.text.clone()).collect();
    super::lines::trim_trailing_blank(&mut lines);
    lines
}

fn comment_line(indent: &str, text: &str) -> String {
    if text.is_empty() {
        format!("{indent}#>")
    } else {
        format!("{indent}#> {text}")
    }
}

fn apply(lines: &[String], changes: &[Change]) -> Vec<String> {
    let mut out = Vec::new();
    let mut next = 0;
    for change in changes {
        out.extend_from_slice(&lines[next..change.lines.start]);
        out.extend(change.new.iter().cloned());
        next = change.lines.end;
    }
    out.extend_from_slice(&lines[next..]);
    out
}

/// The file edit for one change: whole lines, in the file's own terminator.
fn edit(block: &Block, change: &Change) -> Edit {
    let block_end = block.bytes.last().map_or(0, |b| b.end);
    let start_of = |i: usize| block.bytes.get(i).map_or(block_end, |b| b.start);
    let mut text = String::new();
    let at_end = change.lines.start >= block.lines.len();
    if at_end && !block.terminated && !change.new.is_empty() {
        text.push_str(block.eol);
    }
    for line in &change.new {
        text.push_str(&block.indent);
        text.push_str(line);
        text.push_str(block.eol);
    }
    Edit {
        path: block.path.clone(),
        bytes: start_of(change.lines.start)..start_of(change.lines.end),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::markers::Marked;

    fn block(code: &str) -> Block {
        let split = super::super::lines::split(code);
        Block {
            path: "x.py".into(),
            lines: split.iter().map(|l| l.text.to_owned()).collect(),
            bytes: split.iter().map(|l| l.bytes.clone()).collect(),
            first_line: 1,
            indent: String::new(),
            eol: "\n",
            terminated: code.ends_with('\n'),
            has_comments: true,
        }
    }

    #[test]
    fn finds_statement_level_prints_only() {
        let code = "print(1)\nif x:\n    print(\n        2)\nf(print(3))\nlog.print(4)\ndef g():\n    try:\n        print(5)\n    finally:\n        print(6)\n";
        let found = sites(code);
        let lines: Vec<(usize, usize)> = found.iter().map(|s| (s.line, s.end_line)).collect();
        assert_eq!(lines, [(1, 1), (3, 4), (9, 9), (11, 11)]);
        assert!(sites("print(").is_empty());
    }

    #[test]
    fn instrumenting_keeps_lines() {
        let code = "print(1)\nfor i in r:\n    print(i)\n";
        let out = instrument(code, &sites(code));
        assert_eq!(out.lines().count(), 3);
        assert!(out
            .lines()
            .nth(2)
            .unwrap()
            .starts_with("    print(\"\\ue000P1"));
    }

    fn marked(pieces: &[(usize, &str)]) -> Marked {
        let mut out = String::new();
        for (site, text) in pieces {
            out.push_str(&format!("\u{E000}P{site}\u{E001}{text}"));
        }
        Marked::split(&out, &[])
    }

    #[test]
    fn matching_comments_pass() {
        let code = "for i in range(2):\n    print(i)\n    #> 0\n    #> 1\n";
        let b = block(code);
        assert!(judge_block(&b, &sites(code), &marked(&[(0, "0\n"), (0, "1\n")])).is_none());
    }

    #[test]
    fn wrong_missing_and_stray_comments_are_rewritten() {
        let code = "print('a')\n#> b\nprint('c')\nx = 1\n#> stray\nprint('d')";
        let b = block(code);
        let out = marked(&[(0, "a\n"), (1, "c\n\n"), (2, "d\n")]);
        let (failure, edits) = judge_block(&b, &sites(code), &out).unwrap();
        let (_, after) = failure.diff.unwrap();
        assert_eq!(
            after,
            [
                "print('a')",
                "#> a",
                "print('c')",
                "#> c",
                "x = 1",
                "print('d')",
                "#> d"
            ]
        );
        let mut text = code.to_owned();
        let mut edits = edits;
        edits.sort_by_key(|e| e.bytes.start);
        for e in edits.iter().rev() {
            text.replace_range(e.bytes.clone(), &e.text);
        }
        assert_eq!(
            text,
            "print('a')\n#> a\nprint('c')\n#> c\nx = 1\nprint('d')\n#> d\n"
        );
    }
}
