//! Examples of a Markdown page: every ```python fence, the expected-output
//! fence after it (`output`, `text`, `console` or no info, optionally
//! after one short line such as "Output:"), and the fence options
//! `kairos:skip`, `kairos:raises=Name`, `kairos:continue`.

use std::path::Path;

use super::example::{Block, Example, Location, OutputClaim, Stream, Target};
use super::expect::{Expectation, Syntax};
use super::fences::{scan, Fence};
use super::lines::{self, dedent, indentation, Line};
use super::markers;

/// The longest line of prose allowed between an example and its output.
const INTRO_MAX_CHARS: usize = 80;

/// What a fence is for.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Python(Options),
    Output { unordered: bool, console: bool },
    Other,
}

/// A python fence's `kairos:` options.
#[derive(Debug, Clone, PartialEq, Default)]
struct Options {
    skip: bool,
    raises: Option<String>,
    continues: bool,
    unknown: Vec<String>,
}

fn kind(fence: &Fence) -> Kind {
    let language = fence.language();
    let words = fence.info.split_whitespace().skip(1);
    match language.as_str() {
        "python" | "py" | "python3" => Kind::Python(options(words)),
        "output" | "text" | "console" | "" => Kind::Output {
            unordered: words.clone().any(|w| w == "unordered"),
            console: language == "console",
        },
        _ => Kind::Other,
    }
}

fn options<'a>(words: impl Iterator<Item = &'a str>) -> Options {
    let mut options = Options::default();
    for word in words {
        let Some(list) = word.strip_prefix("kairos:") else {
            continue;
        };
        for option in list.split(',') {
            match option {
                "skip" => options.skip = true,
                "continue" => options.continues = true,
                _ => match option.strip_prefix("raises=") {
                    Some(name) if is_dotted_name(name) => options.raises = Some(name.to_owned()),
                    _ => options.unknown.push(format!("kairos:{option}")),
                },
            }
        }
    }
    options
}

fn is_dotted_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_alphanumeric() || c == '_')
        })
}

/// Whether the lines between an example and a fence allow that fence to be
/// its output: blank lines and at most one short line ending with a colon.
fn introduces_output(between: &[Line<'_>]) -> bool {
    let mut prose = between
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty());
    match (prose.next(), prose.next()) {
        (None, _) => true,
        (Some(line), None) => {
            let bare = line.trim_end_matches(['*', '_']);
            bare.ends_with(':') && line.chars().count() <= INTRO_MAX_CHARS
        }
        _ => false,
    }
}

/// One python fence and what follows it.
struct Snippet<'f> {
    fence: &'f Fence,
    options: Options,
    output: Option<(&'f Fence, bool, bool)>,
}

/// The examples of a page, in order.
pub fn examples(path: &Path, text: &str) -> Vec<Example> {
    let lines = lines::split(text);
    let fences = scan(&lines);
    let kinds: Vec<Kind> = fences.iter().map(kind).collect();
    let mut groups: Vec<Vec<Snippet<'_>>> = Vec::new();
    let mut orphans = Vec::new();
    for (index, fence) in fences.iter().enumerate() {
        match &kinds[index] {
            Kind::Python(options) => {
                let output = fences
                    .get(index + 1)
                    .and_then(|next| match kinds[index + 1] {
                        Kind::Output { unordered, console }
                            if fence.closed
                                && introduces_output(&lines[fence.after()..next.open]) =>
                        {
                            Some((next, unordered, console))
                        }
                        _ => None,
                    });
                let snippet = Snippet {
                    fence,
                    options: options.clone(),
                    output,
                };
                match groups.last_mut() {
                    Some(group) if options.continues => group.push(snippet),
                    _ => groups.push(vec![snippet]),
                }
            }
            Kind::Output { .. } if fence.language() == "output" => {
                let after_example = index
                    .checked_sub(1)
                    .is_some_and(|prev| matches!(kinds[prev], Kind::Python(_)));
                let attached = groups
                    .iter()
                    .flatten()
                    .any(|s| s.output.is_some_and(|(o, _, _)| std::ptr::eq(o, fence)));
                if after_example && !attached {
                    orphans.push(fence.open);
                }
            }
            _ => {}
        }
    }
    let page = Page {
        path,
        text,
        lines: &lines,
    };
    let mut examples: Vec<Example> = groups.iter().map(|g| page.example(g)).collect();
    for open in orphans {
        examples.push(Example::problem(
            page.location(open),
            format!(
                "this output fence is not attached to the example above it: put at most one \
                 short line ending with ':' (at most {INTRO_MAX_CHARS} characters) between them"
            ),
        ));
    }
    examples.sort_by_key(|e| e.at.line);
    examples
}

struct Page<'a> {
    path: &'a Path,
    text: &'a str,
    lines: &'a [Line<'a>],
}

impl Page<'_> {
    fn location(&self, index: usize) -> Location {
        Location {
            path: self.path.to_path_buf(),
            line: index + 1,
        }
    }

    fn example(&self, group: &[Snippet<'_>]) -> Example {
        let mut program = vec![String::new(); group.last().map_or(0, |s| s.fence.content.end)];
        let mut example = Example {
            at: self.location(group[0].fence.open),
            name: self
                .path
                .file_name()
                .map_or_else(|| "<page>".to_owned(), |n| n.to_string_lossy().into_owned()),
            source: String::new(),
            blocks: Vec::new(),
            skip: group.iter().any(|s| s.options.skip),
            raises: group.iter().rev().find_map(|s| s.options.raises.clone()),
            outputs: Vec::new(),
            problems: Vec::new(),
        };
        for (number, snippet) in group.iter().enumerate() {
            let block = self.block(snippet.fence);
            for (offset, line) in block.lines.iter().enumerate() {
                program[snippet.fence.content.start + offset].clone_from(line);
            }
            // A later block starting at the left margin is marked so that its
            // output can be told apart; one continuing an indented body is not.
            let first_code = block.lines.iter().find(|l| !l.trim().is_empty());
            if number > 0 && first_code.is_some_and(|l| indentation(l).is_empty()) {
                program[snippet.fence.open] = markers::block_statement(number);
            }
            example.blocks.push(block);
            if let Some((fence, unordered, console)) = snippet.output {
                example
                    .outputs
                    .push(self.output(number, fence, unordered, console));
            }
            for option in &snippet.options.unknown {
                example.problems.push((
                    self.location(snippet.fence.open),
                    format!(
                        "unknown fence option `{option}` (known: kairos:skip, \
                         kairos:raises=Name, kairos:continue)"
                    ),
                ));
            }
        }
        example.source = program.join("\n");
        example.source.push('\n');
        example
    }

    fn block(&self, fence: &Fence) -> Block {
        let content = &self.lines[fence.content.clone()];
        let lines: Vec<String> = content
            .iter()
            .map(|l| dedent(l.text, fence.indent).to_owned())
            .collect();
        Block {
            path: self.path.to_path_buf(),
            has_comments: lines.iter().any(|l| l.trim_start().starts_with("#>")),
            lines,
            bytes: content.iter().map(|l| l.bytes.clone()).collect(),
            first_line: fence.content.start + 1,
            indent: indentation(self.lines[fence.open].text).to_owned(),
            eol: lines::terminator(self.text),
            terminated: content
                .last()
                .is_none_or(|l| self.text[l.bytes.clone()].ends_with('\n')),
        }
    }

    fn output(&self, block: usize, fence: &Fence, unordered: bool, console: bool) -> OutputClaim {
        let content: Vec<&str> = self.lines[fence.content.clone()]
            .iter()
            .map(|l| dedent(l.text, fence.indent))
            .collect();
        let syntax = Syntax {
            stamps: true,
            elapsed: true,
            console,
        };
        let start = self.lines[fence.open].bytes.end;
        let target = fence.closed.then(|| Target {
            path: self.path.to_path_buf(),
            bytes: start..self.lines[fence.content.end].bytes.start,
            indent: indentation(self.lines[fence.open].text).to_owned(),
            eol: lines::terminator(self.text),
            fence: Some(fence.marker),
        });
        OutputClaim {
            stream: Stream::Stdout { block },
            at: self.location(fence.open),
            expect: Expectation::parse(&content, syntax, unordered),
            target,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::expect::Expected;

    fn page(text: &str) -> Vec<Example> {
        examples(Path::new("dir/page.md"), text)
    }

    #[test]
    fn pairs_examples_with_their_output() {
        let text = "# T\n\n```python\nprint(1)\n```\n\nOutput:\n\n```\n1\n```\n";
        let found = page(text);
        assert_eq!(found.len(), 1);
        let example = &found[0];
        assert_eq!(example.at.line, 3);
        assert_eq!(example.name, "page.md");
        assert_eq!(example.source, "\n\n\nprint(1)\n");
        let claim = &example.outputs[0];
        assert_eq!(claim.at.line, 9);
        assert_eq!(claim.expect.lines.len(), 1);
        let target = claim.target.as_ref().unwrap();
        assert_eq!(&text[target.bytes.clone()], "1\n");
    }

    #[test]
    fn long_or_several_prose_lines_detach_the_output() {
        let long = format!(
            "```python\npass\n```\n{}:\n```text\nx\n```\n",
            "a".repeat(90)
        );
        assert!(page(&long)[0].outputs.is_empty());
        let two = "```python\npass\n```\nOne.\nTwo:\n```\nx\n```\n";
        assert!(page(two)[0].outputs.is_empty());
        let no_colon = "```python\npass\n```\nSee the docs\n```\nx\n```\n";
        assert!(page(no_colon)[0].outputs.is_empty());
        let bold =
            "```python\npass\n```\n**Expected output:**\n```console\n$ python x.py\nx\n```\n";
        let claim = &page(bold)[0].outputs[0];
        assert_eq!(claim.expect.header, ["$ python x.py"]);
    }

    #[test]
    fn a_detached_output_fence_is_reported() {
        let text = "```python\npass\n```\nSome prose here.\nMore prose:\n```output\nx\n```\n";
        let found = page(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].problems[0].0.line, 6);
        // After a shell block an output fence is none of our business.
        assert_eq!(page("```sh\nls\n```\n```output\nx\n```\n").len(), 0);
    }

    #[test]
    fn options_and_continuations() {
        let text = "```python kairos:skip\nawait x\n```\n\
                    ```python\ndef f():\n    print('f')\n```\n\
                    text\n\
                    ```python kairos:continue kairos:raises=asyncio.TimeoutError\nf()\n```\n\
                    ```output unordered\nf\n```\n\
                    ```py kairos:bogus\npass\n```\n";
        let found = page(text);
        assert_eq!(found.len(), 3);
        assert!(found[0].skip);
        let joined = &found[1];
        assert_eq!(joined.blocks.len(), 2);
        assert_eq!(joined.raises.as_deref(), Some("asyncio.TimeoutError"));
        let lines: Vec<&str> = joined.source.lines().collect();
        assert_eq!(lines[4], "def f():");
        assert_eq!(lines[8], markers::block_statement(1));
        assert_eq!(lines[9], "f()");
        assert_eq!(joined.outputs[0].stream, Stream::Stdout { block: 1 });
        assert!(joined.outputs[0].expect.unordered);
        assert!(found[2].problems[0].1.contains("kairos:bogus"));
    }

    #[test]
    fn indented_fences_are_dedented_and_keep_their_indent() {
        let text = "1. Step\n\n   ```python\n   if True:\n       print(1)\n   ```\n   Output:\n   ```\n   [0s] 1\n   ```\n";
        let example = &page(text)[0];
        assert_eq!(example.blocks[0].lines, ["if True:", "    print(1)"]);
        assert_eq!(example.blocks[0].indent, "   ");
        let claim = &example.outputs[0];
        assert!(matches!(
            claim.expect.lines[0],
            Expected::Line { at: Some(_), .. }
        ));
        assert_eq!(claim.target.as_ref().unwrap().indent, "   ");
    }

    #[test]
    fn malformed_pages_do_not_panic() {
        for text in [
            "```python",
            "```python\n",
            "```python\nprint(1)\n```\n```",
            "~~~python kairos:continue\n~~~\n```\n",
            "```python kairos:raises=\n```\n",
            "\r\n```python\r\nx\r\n```\r\n```\r\n",
            "```python kairos:,,\n```\n",
        ] {
            let _ = page(text);
        }
        let crlf = page("```python\r\nprint(1)\r\n```\r\n```\r\n1\r\n```\r\n");
        assert_eq!(crlf[0].outputs[0].target.as_ref().unwrap().eol, "\r\n");
        assert_eq!(page("```python kairos:raises=\n```\n")[0].problems.len(), 1);
    }

    /// Pages stitched from fence-ish pieces: parsing, matching and
    /// rewriting any of them never panics, and targets stay inside the page.
    #[test]
    fn fence_soup_never_panics() {
        use crate::snapshot::matching::{judge, Printed};
        use crate::snapshot::update::rewrite;
        let pieces = [
            "```",
            "```python",
            "```python kairos:continue",
            "~~~",
            "```output unordered",
            "````",
            "Output:",
            "print(1)",
            "#> 1",
            "",
            "   ```",
            "  ```python kairos:raises=X",
            "[1s] x",
            "...",
            "elapsed: 1s",
            "\r",
            "é",
            "```console",
            "$ run",
            "\t```py kairos:skip,continue",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let printed = [Printed {
            time: 1.0,
            text: "x".to_owned(),
        }];
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 14) {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                text.push_str(if state & 1 == 0 { "\n" } else { "\r\n" });
            }
            for example in page(&text) {
                for claim in &example.outputs {
                    let verdict = judge(&claim.expect, &printed, Some(1.0));
                    if let Some(target) = &claim.target {
                        assert!(
                            target.bytes.end <= text.len()
                                && text.is_char_boundary(target.bytes.start)
                        );
                        let _ = rewrite(target, &verdict.actual);
                    }
                }
            }
        }
    }
}
