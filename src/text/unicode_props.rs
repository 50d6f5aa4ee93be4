//! Per-character Unicode properties with CPython 3.11's answers, looked up
//! in the generated tables of `unicode_tables.rs`.

use super::unicode_tables as tables;

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    find_range(table, c).is_some()
}

/// The range of `table` that holds `c`.
fn find_range(table: &[(u32, u32)], c: char) -> Option<(u32, u32)> {
    let code = c as u32;
    let index = table.partition_point(|&(_, end)| end < code);
    table
        .get(index)
        .copied()
        .filter(|&(start, _)| start <= code)
}

fn lookup_map(table: &'static [(char, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&c, |&(key, _)| key)
        .ok()
        .map(|i| table[i].1)
}

/// `c.isspace()`: includes `\x1c`-`\x1f`, unlike Rust's `is_whitespace`.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..=' ')
    } else {
        in_table(tables::SPACE, c)
    }
}

/// `c.isdecimal()` (general category Nd).
pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// The value of a decimal digit of any script (`'٣'` is 3).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    // Every Nd range is whole runs of ten digits starting at zero.
    find_range(tables::DECIMAL, c).map(|(start, _)| (c as u32 - start) % 10)
}

/// `c.isdigit()`.
pub fn is_digit(c: char) -> bool {
    in_table(tables::DIGIT, c)
}

/// `c.isnumeric()`.
pub fn is_numeric(c: char) -> bool {
    in_table(tables::NUMERIC, c)
}

/// `c.isalpha()` (letters only: categories Lu Ll Lt Lm Lo).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(tables::ALPHA, c)
    }
}

/// `c.isalnum()`.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// `c.isprintable()`: what `repr` shows unescaped.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        (' '..='~').contains(&c)
    } else {
        in_table(tables::PRINTABLE, c)
    }
}

/// May start an identifier (XID_Start or `_`).
pub fn is_xid_start(c: char) -> bool {
    in_table(tables::XID_START, c)
}

/// May continue an identifier (XID_Continue).
pub fn is_xid_continue(c: char) -> bool {
    in_table(tables::XID_CONTINUE, c)
}

/// General category Lt, such as `'ǅ'`.
pub fn is_titlecase(c: char) -> bool {
    in_table(tables::TITLECASE, c)
}

/// Rust knows case data for this character that CPython 3.11 does not.
pub(crate) fn case_frozen(c: char) -> bool {
    !c.is_ascii() && in_table(tables::CASE_FROZEN, c)
}

/// Uppercase letter, as `c.isupper()`.
pub fn is_upper(c: char) -> bool {
    c.is_uppercase() && !case_frozen(c)
}

/// Lowercase letter, as `c.islower()`.
pub fn is_lower(c: char) -> bool {
    if case_frozen(c) {
        in_table(tables::FROZEN_LOWERCASE, c)
    } else {
        c.is_lowercase()
    }
}

/// Upper, lower or title case (Unicode's `Cased`).
pub fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_titlecase(c)
}

/// Appends the full uppercase mapping of `c` (`'ß'` gives `"SS"`).
pub fn push_upper(out: &mut String, c: char) {
    if case_frozen(c) {
        out.push(c);
    } else {
        out.extend(c.to_uppercase());
    }
}

/// Appends the full lowercase mapping of `c` out of context (no final sigma).
pub fn push_lower(out: &mut String, c: char) {
    if case_frozen(c) {
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the full titlecase mapping of `c` (`'ß'` gives `"Ss"`).
pub fn push_titlecase(out: &mut String, c: char) {
    match lookup_map(tables::TITLE_SPECIAL, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_upper(out, c),
    }
}

/// Appends the full case folding of `c` (`'ß'` gives `"ss"`).
pub fn push_casefold(out: &mut String, c: char) {
    match lookup_map(tables::CASEFOLD_SPECIAL, c) {
        Some(mapped) => out.push_str(mapped),
        None => push_lower(out, c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes Rust's case answers for every character to the file named by
    /// `KAIROS_CASE_DUMP`, for `testdata/gen_unicode_tables.py`.
    #[test]
    #[ignore]
    fn dump_rust_case_data() {
        use std::fmt::Write as _;
        let path = std::env::var("KAIROS_CASE_DUMP").expect("set KAIROS_CASE_DUMP");
        let hex = |it: &mut dyn Iterator<Item = char>| {
            it.map(|c| format!("{:X}", c as u32))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut dump = String::new();
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let _ = writeln!(
                dump,
                "{:X}\t{}\t{}\t{}\t{}",
                c as u32,
                u8::from(c.is_uppercase()),
                u8::from(c.is_lowercase()),
                hex(&mut c.to_uppercase()),
                hex(&mut c.to_lowercase())
            );
        }
        std::fs::write(path, dump).expect("write dump");
    }

    #[test]
    fn python_properties() {
        assert!(is_space('\x1c') && !is_space('\u{200b}'));
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert!(is_numeric('½') && !is_digit('½'));
        assert!(!is_alpha('\u{345}'), "a combining mark is not a letter");
        assert!(!is_printable('\u{200b}') && is_printable('é'));
        assert!(is_lower('\u{19b}') && !case_frozen('a'));
        let mut upper = String::new();
        push_upper(&mut upper, '\u{19b}');
        assert_eq!(upper, "\u{19b}", "no uppercase in Unicode 14");
    }
}
