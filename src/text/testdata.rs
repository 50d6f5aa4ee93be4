//! Reads the python3-generated case tables in `testdata/` (tests only); the
//! format is described in `testdata/tablefmt.py`.

use super::error::TextResult;

/// Undoes the table escaping: `\\`, `\t`, `\n`, `\r`, `\u{HEX}`.
pub(crate) fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex escape");
                out.push(char::from_u32(code).expect("scalar value"));
            }
            Some(other) => out.push(other),
            None => panic!("dangling backslash in {field:?}"),
        }
    }
    out
}

/// The cases of a table: unescaped fields of each non-comment line.
pub(crate) fn cases(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .map(|line| line.split('\t').map(unescape).collect())
        .collect()
}

/// A float written as the hex digits of its bits.
pub(crate) fn float_from_hex(field: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(field, 16).expect("float bits"))
}

/// An outcome as the tables write it: `=text` or `!Kind: message`.
pub(crate) fn outcome(result: TextResult<String>) -> String {
    match result {
        Ok(text) => format!("={text}"),
        Err(err) => format!("!{err}"),
    }
}

/// Runs every case, collecting failures so one run shows them all.
pub(crate) fn check_all(table: &str, mut run: impl FnMut(&[String]) -> (String, String)) {
    let mut failures = Vec::new();
    let all = cases(table);
    for case in &all {
        let (got, want) = run(case);
        if got != want {
            failures.push(format!("{case:?}\n    got  {got:?}\n    want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        all.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
