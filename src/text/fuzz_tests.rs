//! Random inputs must never panic: every entry point either returns text or
//! an error (tests only).

use num_bigint::BigInt;

use super::format_builtin::{format_float, format_int, format_str};
use super::numbers::{float_round, int_true_div, parse_float, parse_int};
use super::percent::{parse_percent, render_float, render_int, render_text, PercentPiece};
use super::strings;

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn text(&mut self, alphabet: &[char], max_len: u64) -> String {
        let len = self.next() % (max_len + 1);
        (0..len).map(|_| self.pick(alphabet)).collect()
    }

    fn float(&mut self) -> f64 {
        let special = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NAN,
            5e-324,
            f64::MAX,
            1.5,
            -2.675,
        ];
        if self.next().is_multiple_of(4) {
            self.pick(&special)
        } else {
            f64::from_bits(self.next())
        }
    }
}

const SPEC_CHARS: &[char] = &[
    '<', '>', '^', '=', '+', '-', ' ', 'z', '#', '0', '1', '2', '9', ',', '_', '.', 'd', 'x', 'X',
    'o', 'b', 'c', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 's', 'r', 'a', '*', '(', ')', 'k', 'é',
    '\u{661}', '\0',
];

/// Specs whose digit runs stay short, so widths stay small.
fn spec(rng: &mut Rng) -> String {
    loop {
        let text = rng.text(SPEC_CHARS, 9);
        let longest_digits = text
            .split(|c: char| !c.is_ascii_digit() && c != '\u{661}')
            .map(|run| run.chars().count())
            .max()
            .unwrap_or(0);
        if longest_digits <= 4 {
            return text;
        }
    }
}

#[test]
fn format_specs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..30_000 {
        let spec = spec(&mut rng);
        let n = BigInt::from(rng.next() as i64) * BigInt::from(rng.next() % 1000);
        let _ = format_int(&n, &spec);
        let _ = format_float(rng.float(), &spec);
        let _ = format_str("héllo", &spec);
    }
}

#[test]
fn percent_formats_never_panic() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    for _ in 0..20_000 {
        let format = format!("%{}", spec(&mut rng));
        for piece in parse_percent(&format) {
            if let PercentPiece::Spec(spec) = piece {
                let _ = render_int(&spec, &BigInt::from(rng.next() as i64));
                let _ = render_float(&spec, rng.float());
                let _ = render_text(&spec, "日本");
            }
        }
    }
}

#[test]
fn strings_and_numbers_never_panic() {
    let alphabet = [
        'a', 'b', ' ', '\t', '\n', '\r', 'Σ', 'ß', '日', '_', '0', '1', 'x', '.', 'e', '-',
    ];
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..20_000 {
        let s = rng.text(&alphabet, 12);
        let sub = rng.text(&alphabet, 3);
        let index = |rng: &mut Rng| {
            Some((rng.next() % 30) as i64 - 15).filter(|_| !rng.next().is_multiple_of(3))
        };
        let (start, end) = (index(&mut rng), index(&mut rng));
        let _ = strings::find(&s, &sub, start, end);
        let _ = strings::rfind(&s, &sub, start, end);
        let _ = strings::count(&s, &sub, start, end);
        let _ = strings::startswith(&s, &sub, start, end);
        let _ = strings::endswith(&s, &sub, start, end);
        let _ = strings::split(&s, Some(&sub), (rng.next() % 5) as i64 - 1);
        let _ = strings::rsplit(&s, None, (rng.next() % 5) as i64 - 1);
        let _ = strings::replace(&s, &sub, "<>", (rng.next() % 4) as i64 - 1);
        let _ = strings::center(&s, (rng.next() % 20) as i64 - 2, '*');
        let _ = strings::expandtabs(&s, (rng.next() % 10) as i64 - 2);
        let _ = parse_int(&s, (rng.next() % 40) as i64 - 2);
        let _ = parse_float(&s);
        let _ = float_round(rng.float(), (rng.next() % 800) as i64 - 400);
        let a = BigInt::from(rng.next()) << (rng.next() % 1200) as usize;
        let b = BigInt::from(rng.next() % 7) << (rng.next() % 1200) as usize;
        let _ = int_true_div(&a, &b);
    }
}
