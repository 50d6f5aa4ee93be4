//! "Did you mean" suggestions, with CPython 3.11's distance and cut-off.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_STRING_SIZE: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's levenshtein with case-aware costs, giving up past `max_cost`.
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).map(|i| i * MOVE_COST).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut cur = vec![(i + 1) * MOVE_COST; b.len() + 1];
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let v = (prev[j] + substitution_cost(ca, cb))
                .min(prev[j + 1] + MOVE_COST)
                .min(cur[j] + MOVE_COST);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest candidate within CPython's threshold, if any.
pub fn best_match(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let max_cost = (name.len() + c.len() + 3) * MOVE_COST / 6;
        let limit = best.map_or(max_cost, |(d, _)| max_cost.min(d - 1));
        let d = distance(name, c, limit);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.clone())
}
