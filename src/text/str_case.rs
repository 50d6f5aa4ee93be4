//! Case conversions and character-class predicates of str: `title`,
//! `capitalize`, `swapcase`, `casefold` and the `is...` methods, with
//! CPython's word rules, full (multi-character) mappings and final sigma.

use super::unicode_props::{
    case_frozen, is_alnum, is_alpha, is_cased, is_decimal, is_digit, is_lower, is_numeric,
    is_printable, is_space, is_titlecase, is_upper, is_xid_continue, is_xid_start, push_casefold,
    push_lower, push_titlecase, push_upper,
};

/// The lowercase of each character in its context: `Σ` becomes `ς` at the
/// end of a word, so it depends on its neighbours. Rust's `str::to_lowercase`
/// applies that rule; this maps its output back to each source character.
struct ContextLower {
    lowered: String,
    /// `lowered[bounds[i]..bounds[i + 1]]` is the lowercase of character i.
    bounds: Vec<usize>,
}

impl ContextLower {
    fn new(s: &str) -> Option<Self> {
        if !s.contains('Σ') {
            return None;
        }
        let lowered = s.to_lowercase();
        let mut bounds = vec![0];
        let mut end = 0;
        for c in s.chars() {
            end += c.to_lowercase().map(char::len_utf8).sum::<usize>();
            bounds.push(end);
        }
        (end == lowered.len()).then_some(Self { lowered, bounds })
    }
}

/// Appends the lowercase of character `index` (`c`) of the string.
fn push_lower_at(out: &mut String, context: &Option<ContextLower>, index: usize, c: char) {
    match context {
        Some(ctx) if !case_frozen(c) => {
            out.push_str(&ctx.lowered[ctx.bounds[index]..ctx.bounds[index + 1]])
        }
        _ => push_lower(out, c),
    }
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    let context = ContextLower::new(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        push_lower_at(&mut out, &context, i, c);
    }
    out
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

/// `s.title()`: titlecase after an uncased character, lowercase after a
/// cased one (so `"they're"` gives `"They'Re"`).
pub fn title(s: &str) -> String {
    let context = ContextLower::new(s);
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for (i, c) in s.chars().enumerate() {
        if previous_cased {
            push_lower_at(&mut out, &context, i, c);
        } else {
            push_titlecase(&mut out, c);
        }
        previous_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let context = ContextLower::new(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            push_titlecase(&mut out, c);
        } else {
            push_lower_at(&mut out, &context, i, c);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let context = ContextLower::new(s);
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if is_upper(c) {
            push_lower_at(&mut out, &context, i, c);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.casefold()`: like lower, plus foldings such as `ß` to `ss`.
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(&mut out, c);
    }
    out
}

/// `s.isupper()`: some cased character and no lowercase or titlecase one.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `s.islower()`: some cased character and no uppercase or titlecase one.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `s.istitle()`: uppercase only at word starts, lowercase only inside.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !previous_cased {
                return false;
            }
            previous_cased = true;
            cased = true;
        } else {
            previous_cased = false;
        }
    }
    cased
}

/// Non-empty and every character passes.
fn all_nonempty(s: &str, test: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(test)
}

/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_space)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum)
}

/// `s.isidentifier()`.
pub fn isidentifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(is_xid_start) && chars.all(is_xid_continue)
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable)
}
