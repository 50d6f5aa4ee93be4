//! Replays data/random.txt (written by CPython 3.11 with gen_random.py)
//! against `Random`: every op must give CPython's exact result.

use num_bigint::BigInt;

use crate::modules::native::random_mt::Random;
use crate::modules::native::{ErrorKind, NativeError, NativeResult};

const DATA: &str = include_str!("data/random.txt");

fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::ValueError => "ValueError",
        ErrorKind::TypeError => "TypeError",
        ErrorKind::IndexError => "IndexError",
        ErrorKind::OverflowError => "OverflowError",
        ErrorKind::ZeroDivisionError => "ZeroDivisionError",
        ErrorKind::OsError(_) => "OSError",
    }
}

fn error_text(e: &NativeError) -> String {
    format!("!{}: {}", kind_name(e.kind), e.message)
}

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

fn float(s: &str) -> f64 {
    s.parse().unwrap()
}

fn float_list(s: &str) -> Vec<f64> {
    if s == "-" {
        return Vec::new();
    }
    s.split(',').map(float).collect()
}

/// A result as CPython's generator script prints it; floats compare by bits.
enum Value {
    Float(f64),
    Floats(Vec<f64>),
    Text(String),
}

fn list<T: ToString>(items: &[T]) -> Value {
    let parts: Vec<String> = items.iter().map(T::to_string).collect();
    Value::Text(format!("[{}]", parts.join(",")))
}

fn run(r: &mut Random, op: &str) -> NativeResult<Value> {
    let words: Vec<&str> = op.split(' ').collect();
    let arg = |i: usize| words[i + 1];
    let f = |i: usize| float(words[i + 1]);
    let text = |v: BigInt| Value::Text(v.to_string());
    Ok(match words[0] {
        "random" => {
            let n: usize = arg(0).parse().unwrap();
            Value::Floats((0..n).map(|_| r.random()).collect())
        }
        "checksum" => {
            let mut acc: u64 = 0;
            for _ in 0..arg(0).parse::<usize>().unwrap() {
                acc = acc
                    .wrapping_mul(1_000_003)
                    .wrapping_add(r.random().to_bits());
            }
            Value::Text(acc.to_string())
        }
        "getrandbits" => text(r.getrandbits(arg(0).parse().unwrap())?),
        "randrange" => {
            let start = big(arg(0));
            let stop = words.get(2).filter(|w| **w != "None").map(|w| big(w));
            let step = words.get(3).map(|w| big(w));
            text(r.randrange(&start, stop.as_ref(), step.as_ref())?)
        }
        "randint" => text(r.randint(&big(arg(0)), &big(arg(1)))?),
        "choice" => Value::Text(r.choice_index(arg(0).parse().unwrap())?.to_string()),
        "shuffle" => {
            let mut items: Vec<usize> = (0..arg(0).parse().unwrap()).collect();
            r.shuffle(&mut items);
            list(&items)
        }
        "sample" => list(&r.sample_indices(arg(0).parse().unwrap(), arg(1).parse().unwrap())?),
        "samplecounts" => {
            let counts: Vec<i64> = arg(0).split(',').map(|c| c.parse().unwrap()).collect();
            list(&r.sample_counts_indices(&counts, arg(1).parse().unwrap())?)
        }
        "choices" => list(&r.choices_indices(
            arg(0).parse().unwrap(),
            None,
            None,
            arg(1).parse().unwrap(),
        )?),
        "choicesw" | "choicescw" => {
            let weights = float_list(arg(2));
            let (w, cw) = if words[0] == "choicesw" {
                (Some(&weights[..]), None)
            } else {
                (None, Some(&weights[..]))
            };
            list(&r.choices_indices(arg(0).parse().unwrap(), w, cw, arg(1).parse().unwrap())?)
        }
        "randbytes" => {
            let bytes = r.randbytes(arg(0).parse().unwrap())?;
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            Value::Text(if hex.is_empty() { "-".into() } else { hex })
        }
        "uniform" => Value::Float(r.uniform(f(0), f(1))),
        "triangular" => {
            let mode = (arg(2) != "None").then(|| f(2));
            Value::Float(r.triangular(f(0), f(1), mode))
        }
        "gauss" => Value::Float(r.gauss(f(0), f(1))?),
        "normalvariate" => Value::Float(r.normalvariate(f(0), f(1))?),
        "lognormvariate" => Value::Float(r.lognormvariate(f(0), f(1))?),
        "expovariate" => Value::Float(r.expovariate(f(0))?),
        "vonmisesvariate" => Value::Float(r.vonmisesvariate(f(0), f(1))?),
        "gammavariate" => Value::Float(r.gammavariate(f(0), f(1))?),
        "betavariate" => Value::Float(r.betavariate(f(0), f(1))?),
        "paretovariate" => Value::Float(r.paretovariate(f(0))?),
        "weibullvariate" => Value::Float(r.weibullvariate(f(0), f(1))?),
        other => panic!("unknown op {other}"),
    })
}

fn same_float(expected: &str, got: f64) -> bool {
    expected
        .parse::<f64>()
        .is_ok_and(|want| want.to_bits() == got.to_bits() || (want.is_nan() && got.is_nan()))
}

/// Compares with CPython's printed result; floats compare by bits.
fn matches(expected: &str, got: &NativeResult<Value>) -> bool {
    match got {
        Err(e) => expected == error_text(e),
        Ok(Value::Float(x)) => same_float(expected, *x),
        Ok(Value::Floats(xs)) => {
            let want: Vec<&str> = expected
                .trim_matches(|c| c == '[' || c == ']')
                .split(',')
                .collect();
            want.len() == xs.len() && want.iter().zip(xs).all(|(w, x)| same_float(w, *x))
        }
        Ok(Value::Text(t)) => expected == t,
    }
}

fn shown(got: &NativeResult<Value>) -> String {
    match got {
        Ok(Value::Float(x)) => format!("{x:?}"),
        Ok(Value::Floats(xs)) => format!("{xs:?}"),
        Ok(Value::Text(t)) => t.clone(),
        Err(e) => error_text(e),
    }
}

#[test]
fn random_matches_cpython_for_every_seed_and_op() {
    let mut rng = Random::new();
    let mut seed_line = "";
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in DATA.lines() {
        if let Some(seed) = line.strip_prefix("seed ") {
            seed_line = line;
            let (kind, value) = seed.split_once(' ').unwrap();
            match kind {
                "int" => rng.seed_int(&big(value)),
                "str" => rng.seed_bytes(value.as_bytes()),
                "bytes" => {
                    let bytes: Vec<u8> = (0..value.len())
                        .step_by(2)
                        .map(|i| u8::from_str_radix(&value[i..i + 2], 16).unwrap())
                        .collect();
                    rng.seed_bytes(&bytes);
                }
                "float" => rng.seed_float(float(value)),
                _ => panic!("unknown seed kind {kind}"),
            }
            continue;
        }
        let (op, expected) = line.split_once(" => ").unwrap();
        let got = run(&mut rng, op);
        checked += 1;
        if !matches(expected, &got) {
            failures.push(format!(
                "[{seed_line}] {op}: want {expected}, got {}",
                shown(&got)
            ));
        }
    }
    assert!(checked > 2000);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn default_seed_is_the_documented_constant() {
    let mut a = Random::new();
    let mut b = Random::new();
    b.seed_int(&BigInt::from(
        crate::modules::native::random_mt::DEFAULT_SEED,
    ));
    assert_eq!(a.random().to_bits(), b.random().to_bits());
}

#[test]
fn reseeding_clears_the_spare_gauss_value() {
    let mut r = Random::new();
    r.seed_int(&BigInt::from(3));
    let first = r.gauss(0.0, 1.0).unwrap();
    r.seed_int(&BigInt::from(3));
    assert_eq!(first.to_bits(), r.gauss(0.0, 1.0).unwrap().to_bits());
}

#[test]
fn nan_parameters_that_hang_cpython_raise_instead() {
    let mut r = Random::new();
    assert_eq!(
        r.gammavariate(f64::NAN, 1.0).unwrap_err().kind,
        ErrorKind::ValueError
    );
    assert_eq!(
        r.vonmisesvariate(0.0, f64::NAN).unwrap_err().kind,
        ErrorKind::ValueError
    );
}

#[test]
fn a_saved_state_replays_the_same_draws() {
    let mut r = Random::new();
    r.seed_int(&BigInt::from(7));
    r.gauss(0.0, 1.0).unwrap();
    let (words, index, gauss_next) = r.state();
    let mut internal: Vec<u64> = words.iter().map(|&w| u64::from(w)).collect();
    internal.push(index as u64);
    let first: Vec<u64> = (0..3).map(|_| r.random().to_bits()).collect();
    let spare = r.gauss(0.0, 1.0).unwrap().to_bits();
    let mut copy = Random::new();
    copy.set_state(&internal, gauss_next).unwrap();
    let again: Vec<u64> = (0..3).map(|_| copy.random().to_bits()).collect();
    assert_eq!(first, again);
    assert_eq!(spare, copy.gauss(0.0, 1.0).unwrap().to_bits());
    internal.pop();
    assert_eq!(
        copy.set_state(&internal, None).unwrap_err().kind,
        ErrorKind::ValueError
    );
}
