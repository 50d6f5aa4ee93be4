//! A `.py` program as an example: expected stdout in `NAME.out`, stderr in
//! `NAME.err`, `#> ` comments after print calls, and the directives
//! `# kairos:skip` / `# kairos:raises=Name` among its leading comments.

use std::path::Path;

use super::example::{Block, Example, Location, OutputClaim, Stream, Target};
use super::expect::{Expectation, Syntax};
use super::lines;

/// The example a program makes, or `None` when it makes no claim at all
/// and was found in a folder rather than named (helper modules, a docs
/// `conf.py` ...).
pub fn example(path: &Path, text: &str, named: bool) -> Option<Example> {
    let at = Location {
        path: path.to_path_buf(),
        line: 1,
    };
    let split = lines::split(text);
    let block = Block {
        path: path.to_path_buf(),
        lines: split.iter().map(|l| l.text.to_owned()).collect(),
        bytes: split.iter().map(|l| l.bytes.clone()).collect(),
        first_line: 1,
        indent: String::new(),
        eol: lines::terminator(text),
        terminated: text.is_empty() || text.ends_with('\n'),
        has_comments: split.iter().any(|l| l.text.trim_start().starts_with("#>")),
    };
    let directives = Directives::read(&block.lines);
    let mut example = Example {
        at: at.clone(),
        name: path.file_name().map_or_else(
            || "<program>".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        ),
        source: text.to_owned(),
        blocks: Vec::new(),
        skip: directives.skip,
        raises: directives.raises,
        outputs: Vec::new(),
        problems: Vec::new(),
    };
    for (extension, stream, syntax) in [
        ("out", Stream::Stdout { block: 0 }, STDOUT),
        ("err", Stream::Stderr, STDERR),
    ] {
        let sibling = path.with_extension(extension);
        if !sibling.is_file() {
            continue;
        }
        match read_text(&sibling) {
            Ok(expected) => example
                .outputs
                .push(whole_file_claim(&sibling, &expected, stream, syntax)),
            Err(message) => example.problems.push((at.clone(), message)),
        }
    }
    let claims = block.has_comments || directives.any || !example.outputs.is_empty();
    example.blocks.push(block);
    (named || claims || !example.problems.is_empty()).then_some(example)
}

const STDOUT: Syntax = Syntax {
    stamps: true,
    elapsed: true,
    console: false,
};

/// stderr lines carry no times; a last `elapsed:` line (as `kairos run`
/// prints it) is a claim.
const STDERR: Syntax = Syntax {
    stamps: false,
    elapsed: true,
    console: false,
};

fn whole_file_claim(path: &Path, text: &str, stream: Stream, syntax: Syntax) -> OutputClaim {
    let content: Vec<&str> = lines::split(text).iter().map(|l| l.text).collect();
    OutputClaim {
        stream,
        at: Location {
            path: path.to_path_buf(),
            line: 1,
        },
        expect: Expectation::parse(&content, syntax, false),
        target: Some(Target {
            path: path.to_path_buf(),
            bytes: 0..text.len(),
            indent: String::new(),
            eol: lines::terminator(text),
            fence: None,
        }),
    }
}

/// Reads a UTF-8 text file, or says why not.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))
}

/// `# kairos:skip`, `# kairos:raises=Name` in the comments before the code.
#[derive(Default)]
struct Directives {
    skip: bool,
    raises: Option<String>,
    any: bool,
}

impl Directives {
    fn read(lines: &[String]) -> Directives {
        let mut found = Directives::default();
        let leading = lines
            .iter()
            .map(|l| l.trim())
            .take_while(|l| l.is_empty() || l.starts_with('#'));
        for word in leading.flat_map(str::split_whitespace) {
            match word {
                "kairos:skip" => found.skip = true,
                _ => match word.strip_prefix("kairos:raises=") {
                    Some(name) if !name.is_empty() => found.raises = Some(name.to_owned()),
                    _ => continue,
                },
            }
            found.any = true;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_come_from_leading_comments() {
        let e = example(
            Path::new("x.py"),
            "#!/usr/bin/env python\n# kairos:raises=ValueError\nraise ValueError\n# kairos:skip\n",
            false,
        )
        .unwrap();
        assert_eq!(e.raises.as_deref(), Some("ValueError"));
        assert!(!e.skip);
        assert_eq!(e.name, "x.py");
    }

    #[test]
    fn programs_without_claims_count_only_when_named() {
        assert!(example(Path::new("conf.py"), "x = 1\n", false).is_none());
        assert!(example(Path::new("conf.py"), "x = 1\n", true).is_some());
        assert!(example(Path::new("x.py"), "print(1)\n#> 1\n", false).is_some());
        // `# kairos: deadlock` (the samples' conformance directive) is not ours.
        assert!(example(Path::new("x.py"), "# kairos: deadlock\n", false).is_none());
    }

    #[test]
    fn a_missing_terminator_is_remembered() {
        let e = example(Path::new("x.py"), "print(1)", true).unwrap();
        assert!(!e.blocks[0].terminated);
        assert_eq!(e.blocks[0].lines, ["print(1)"]);
    }
}
