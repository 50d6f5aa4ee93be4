//! str methods whose edge cases are easy to get wrong: splitting, stripping,
//! searching with CHARACTER indices and slice-style start/end, replace with
//! a count, padding and tab expansion, with CPython's exact results.

use super::error::{TextError, TextResult};
use super::number_layout::MAX_FIELD_WIDTH;
use super::unicode_props::is_space;

/// Number of characters (Python's `len`).
fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character `index` (clamped to the end).
fn byte_offset(s: &str, index: usize) -> usize {
    if s.is_ascii() {
        return index.min(s.len());
    }
    s.char_indices()
        .nth(index)
        .map_or(s.len(), |(offset, _)| offset)
}

/// `start`/`end` normalised like a slice: negatives count from the end and
/// clamp at 0; `end` clamps at `len`; `start` may exceed `len`.
fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let clamp_negative = |i: i64| if i < 0 { (i + len).max(0) } else { i };
    let end = clamp_negative(end.unwrap_or(len)).min(len);
    let start = clamp_negative(start.unwrap_or(0));
    (start, end)
}

/// The window `s[start:end]` as byte offsets, if `sub_len` chars fit in it.
fn window(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<(i64, usize, usize)> {
    let (start, end) = adjust_indices(start, end, char_len(s));
    if end - start < char_len(sub) as i64 {
        return None;
    }
    Some((
        start,
        byte_offset(s, start as usize),
        byte_offset(s, end as usize),
    ))
}

/// `s.find(sub, start, end)`: a character index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((first, from, to)) = window(s, sub, start, end) else {
        return -1;
    };
    s[from..to]
        .find(sub)
        .map_or(-1, |at| first + char_len(&s[from..from + at]) as i64)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let Some((first, from, to)) = window(s, sub, start, end) else {
        return -1;
    };
    s[from..to]
        .rfind(sub)
        .map_or(-1, |at| first + char_len(&s[from..from + at]) as i64)
}

fn not_found() -> TextError {
    TextError::value("substring not found")
}

/// `s.index(sub, start, end)`.
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<i64> {
    Some(find(s, sub, start, end))
        .filter(|i| *i >= 0)
        .ok_or_else(not_found)
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> TextResult<i64> {
    Some(rfind(s, sub, start, end))
        .filter(|i| *i >= 0)
        .ok_or_else(not_found)
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let Some((first, from, to)) = window(s, sub, start, end) else {
        return 0;
    };
    if sub.is_empty() {
        let (_, end) = adjust_indices(start, end, char_len(s));
        return (end - first + 1) as usize;
    }
    s[from..to].matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, prefix, start, end).is_some_and(|(_, from, to)| s[from..to].starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, suffix, start, end).is_some_and(|(_, from, to)| s[from..to].ends_with(suffix))
}

/// `s.replace(old, new, count)`; a negative count replaces all. An empty
/// `old` inserts `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if !old.is_empty() {
        return s.replacen(old, new, limit);
    }
    let mut out = String::with_capacity(s.len() + new.len() * (char_len(s) + 1).min(limit));
    let mut inserted = 0;
    for c in s.chars() {
        if inserted < limit {
            out.push_str(new);
            inserted += 1;
        }
        out.push(c);
    }
    if inserted < limit {
        out.push_str(new);
    }
    out
}

fn empty_separator() -> TextError {
    TextError::value("empty separator")
}

/// `s.split(sep, maxsplit)`; `sep == None` splits on runs of whitespace
/// and drops empty strings; a negative `maxsplit` means no limit.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    match sep {
        None => Ok(split_whitespace(s, limit)),
        Some("") => Err(empty_separator()),
        Some(sep) => Ok(s.splitn(limit.saturating_add(1), sep).collect()),
    }
}

/// `s.rsplit(sep, maxsplit)`: like split, but the splits happen from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> TextResult<Vec<&'a str>> {
    let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let mut parts = match sep {
        None => rsplit_whitespace(s, limit),
        Some("") => return Err(empty_separator()),
        Some(sep) => s.rsplitn(limit.saturating_add(1), sep).collect(),
    };
    parts.reverse();
    Ok(parts)
}

fn split_whitespace(s: &str, mut limit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if limit == 0 {
            parts.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
        limit -= 1;
    }
    parts
}

/// Parts from the right (the caller reverses them).
fn rsplit_whitespace(s: &str, mut limit: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s.trim_end_matches(is_space);
    while !rest.is_empty() {
        if limit == 0 {
            parts.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        parts.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(is_space);
        limit -= 1;
    }
    parts
}

/// Line boundaries of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`; `\r\n` is one boundary.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end_of_break = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
            chars.next();
            end_of_break += 1;
        }
        lines.push(&s[start..if keepends { end_of_break } else { i }]);
        start = end_of_break;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// `s.strip(chars)`: `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> TextResult<(&'a str, &'a str, &'a str)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

/// How much padding reaching `width` needs; refuses absurd widths.
fn padding_for(s: &str, width: i64) -> TextResult<usize> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(0);
    }
    if width as u64 > MAX_FIELD_WIDTH as u64 {
        return Err(TextError::memory("result too long"));
    }
    Ok((width - len) as usize)
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)`: the odd extra character goes left when the
/// width is odd, as CPython's formula has it.
pub fn center(s: &str, width: i64, fill: char) -> TextResult<String> {
    let padding = padding_for(s, width)?;
    let left = padding / 2 + (padding & width as usize & 1);
    Ok(padded(s, left, padding - left, fill))
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> TextResult<String> {
    Ok(padded(s, 0, padding_for(s, width)?, fill))
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> TextResult<String> {
    Ok(padded(s, padding_for(s, width)?, 0, fill))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> TextResult<String> {
    let padding = padding_for(s, width)?;
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &s[1..]),
        _ => (None, s),
    };
    let mut out = String::with_capacity(s.len() + padding);
    out.extend(sign);
    out.extend(std::iter::repeat_n('0', padding));
    out.push_str(digits);
    Ok(out)
}

/// `s.expandtabs(tabsize)`: columns restart after `\n` and `\r`.
pub fn expandtabs(s: &str, tabsize: i64) -> TextResult<String> {
    if !s.contains('\t') {
        return Ok(s.to_string());
    }
    if tabsize as u64 > MAX_FIELD_WIDTH as u64 && tabsize > 0 {
        return Err(TextError::memory("result too long"));
    }
    let mut out = String::with_capacity(s.len());
    let mut column: usize = 0;
    for c in s.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let spaces = tabsize as usize - column % tabsize as usize;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
        if out.len() > s.len().saturating_add(MAX_FIELD_WIDTH) {
            return Err(TextError::memory("result too long"));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_case::*;
    use crate::text::str_repr::{ascii_escape, bytes_repr, str_repr};
    use crate::text::testdata::check_all;

    fn list_repr(items: &[&str]) -> String {
        let parts: Vec<String> = items.iter().map(|s| str_repr(s)).collect();
        format!("[{}]", parts.join(", "))
    }

    fn triple_repr((a, b, c): (&str, &str, &str)) -> String {
        format!("({}, {}, {})", str_repr(a), str_repr(b), str_repr(c))
    }

    fn bool_repr(b: bool) -> String {
        if b { "True" } else { "False" }.to_string()
    }

    fn shown(result: TextResult<String>) -> String {
        match result {
            Ok(text) => format!("={text}"),
            Err(err) => format!("!{err}"),
        }
    }

    /// Runs one table operation; arguments are `s:`, `i:` or `n:` fields.
    fn run(op: &str, args: &[String]) -> String {
        let text = |i: usize| args[i].strip_prefix("s:");
        let int = |i: usize| {
            args[i]
                .strip_prefix("i:")
                .map(|v| v.parse::<i64>().expect("int"))
        };
        let s = text(0).unwrap_or("");
        let fill = || text(2).and_then(|f| f.chars().next()).unwrap_or(' ');
        let result: TextResult<String> = match op {
            "find" => Ok(find(s, text(1).unwrap_or(""), int(2), int(3)).to_string()),
            "rfind" => Ok(rfind(s, text(1).unwrap_or(""), int(2), int(3)).to_string()),
            "index" => index(s, text(1).unwrap_or(""), int(2), int(3)).map(|i| i.to_string()),
            "rindex" => rindex(s, text(1).unwrap_or(""), int(2), int(3)).map(|i| i.to_string()),
            "count" => Ok(count(s, text(1).unwrap_or(""), int(2), int(3)).to_string()),
            "startswith" => Ok(bool_repr(startswith(
                s,
                text(1).unwrap_or(""),
                int(2),
                int(3),
            ))),
            "endswith" => Ok(bool_repr(endswith(
                s,
                text(1).unwrap_or(""),
                int(2),
                int(3),
            ))),
            "replace" => Ok(str_repr(&replace(
                s,
                text(1).unwrap_or(""),
                text(2).unwrap_or(""),
                int(3).unwrap_or(-1),
            ))),
            "split" => split(s, text(1), int(2).unwrap_or(-1)).map(|v| list_repr(&v)),
            "rsplit" => rsplit(s, text(1), int(2).unwrap_or(-1)).map(|v| list_repr(&v)),
            "splitlines" => Ok(list_repr(&splitlines(s, int(1) == Some(1)))),
            "strip" => Ok(str_repr(strip(s, text(1)))),
            "lstrip" => Ok(str_repr(lstrip(s, text(1)))),
            "rstrip" => Ok(str_repr(rstrip(s, text(1)))),
            "partition" => partition(s, text(1).unwrap_or("")).map(triple_repr),
            "rpartition" => rpartition(s, text(1).unwrap_or("")).map(triple_repr),
            "center" => center(s, int(1).unwrap_or(0), fill()).map(|r| str_repr(&r)),
            "ljust" => ljust(s, int(1).unwrap_or(0), fill()).map(|r| str_repr(&r)),
            "rjust" => rjust(s, int(1).unwrap_or(0), fill()).map(|r| str_repr(&r)),
            "zfill" => zfill(s, int(1).unwrap_or(0)).map(|r| str_repr(&r)),
            "expandtabs" => expandtabs(s, int(1).unwrap_or(8)).map(|r| str_repr(&r)),
            "title" => Ok(str_repr(&title(s))),
            "capitalize" => Ok(str_repr(&capitalize(s))),
            "swapcase" => Ok(str_repr(&swapcase(s))),
            "casefold" => Ok(str_repr(&casefold(s))),
            "lower" => Ok(str_repr(&lower(s))),
            "upper" => Ok(str_repr(&upper(s))),
            "isupper" => Ok(bool_repr(isupper(s))),
            "islower" => Ok(bool_repr(islower(s))),
            "istitle" => Ok(bool_repr(istitle(s))),
            "isspace" => Ok(bool_repr(isspace(s))),
            "isdigit" => Ok(bool_repr(isdigit(s))),
            "isdecimal" => Ok(bool_repr(isdecimal(s))),
            "isnumeric" => Ok(bool_repr(isnumeric(s))),
            "isalpha" => Ok(bool_repr(isalpha(s))),
            "isalnum" => Ok(bool_repr(isalnum(s))),
            "isidentifier" => Ok(bool_repr(isidentifier(s))),
            "isprintable" => Ok(bool_repr(isprintable(s))),
            "repr" => Ok(str_repr(&str_repr(s))),
            "ascii" => Ok(str_repr(&ascii_escape(&str_repr(s)))),
            "bytes_repr" => {
                let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
                Ok(str_repr(&bytes_repr(&bytes)))
            }
            other => panic!("unknown operation {other}"),
        };
        shown(result)
    }

    #[test]
    fn string_methods_match_python() {
        check_all(include_str!("testdata/string_cases.txt"), |case| {
            (run(&case[0], &case[2..]), case[1].clone())
        });
    }
}
