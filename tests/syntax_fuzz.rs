//! Feeds many truncated and mutated programs to the parser: every input
//! must give a module or a SyntaxError that renders, never a panic.

use kairos::source::SourceFile;
use kairos::syntax::parse_module;

const SEEDS: &[&str] = &[
    "import asyncio\n\nasync def main():\n    task = asyncio.create_task(work(1))\n    await asyncio.sleep(0.5)\n    print(f\"done {await task!r:>10}\")\n\nasyncio.run(main())\n",
    "class A(B, metaclass=M):\n    @property\n    def x(self) -> int:\n        return self._x if self._x else -1\n",
    "try:\n    x = {k: [v async for v in g(k)] for k in ks}\nexcept* (E, F) as eg:\n    raise\nfinally:\n    del x[0:2, ::3]\n",
    "with (open(a) as f, b):\n    for i, *rest in f:\n        while (n := len(rest)) > 0:\n            rest.pop()\n    else:\n        pass\n",
    "lambda a, /, b=1, *c, d, **e: (yield from a)\nx = 0x_ff + 1_000.5e-3 + .5 + 0o7 + 0b1\ns = rb'\\x00' b\"\\n\"\nt = '''multi\nline''' \"\\N{EM DASH}\"\n",
    "if a:\n\tb = 1\nelif c:\n    d = (1,\n  2)\nelse: e = \\\n  3\n",
];

/// Insertions likely to upset the lexer and parser.
const FRAGMENTS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", "\n", "    ", "\t", "'", "\"", "\"\"\"", "f'{",
    "f\"{x!", "}", "\\", "#", "lambda", "yield", "*", "**", "@", "async ", "await ", "0x", "1e",
    "1_", "é", "\u{c}", "\r", "→", ":=", "->", "...", "match ", "print ", "del ", "j", "\0",
];

/// A small deterministic pseudo-random generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(src: &str, rng: &mut Lcg) -> String {
    let at = char_boundary(src, rng.below(src.len() + 1));
    match rng.below(5) {
        0 => src[..at].to_owned(),
        1 => {
            let mut s = src.to_owned();
            if let Some(c) = s[at..].chars().next() {
                s.replace_range(at..at + c.len_utf8(), "");
            }
            s
        }
        2 | 3 => {
            let mut s = src.to_owned();
            s.insert_str(at, FRAGMENTS[rng.below(FRAGMENTS.len())]);
            s
        }
        _ => {
            let mut lines: Vec<&str> = src.split_inclusive('\n').collect();
            if lines.is_empty() {
                return src.to_owned();
            }
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
            lines.concat()
        }
    }
}

fn check(src: &str) {
    let source = SourceFile::new("fuzz.py", src);
    if let Err(e) = parse_module(&source) {
        let text = e.render(&source);
        assert!(
            text.ends_with(&format!("{}: {}\n", e.kind_name(), e.msg)),
            "{text}"
        );
        let _ = e.render_fancy(&source, false);
    }
}

fn fuzz(seed_text: &str, rounds: usize, rng: &mut Lcg) {
    check(seed_text);
    for _ in 0..rounds {
        let mut text = mutate(seed_text, rng);
        if rng.below(3) == 0 {
            text = mutate(&text, rng);
        }
        check(&text);
    }
}

#[test]
fn mutated_snippets_never_panic() {
    let mut rng = Lcg(0x5eed);
    for seed in SEEDS {
        for cut in 0..=seed.len() {
            if seed.is_char_boundary(cut) {
                check(&seed[..cut]);
            }
        }
        fuzz(seed, 1500, &mut rng);
    }
}

#[test]
fn mutated_samples_never_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut rng = Lcg(42);
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
    {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        fuzz(&text, 20, &mut rng);
    }
}

#[test]
fn deep_nesting_is_rejected_cleanly() {
    let cases = [
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = a{}\n", ".b".repeat(100_000)),
        format!("x = {}{}\n", "(".repeat(1000), ")".repeat(1000)),
        format!("x = {}\n", "[".repeat(100_000)),
        (0..150)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>(),
    ];
    for src in &cases {
        let source = SourceFile::new("deep.py", src.as_str());
        assert!(parse_module(&source).is_err());
    }
}
