//! Replays data/math.txt (written by CPython 3.11 with gen_math.py) against
//! `mathfns`: results must be bit-identical, errors must have the same class
//! and text.

use num_bigint::BigInt;

use crate::modules::native::mathfns::{self, Number, Real, UnaryFn};
use crate::modules::native::{ErrorKind, NativeError, NativeResult};

const DATA: &str = include_str!("data/math.txt");

/// A value as the generator writes it.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Int(BigInt),
    Float(f64),
    Bool(bool),
    Tuple(Vec<Val>),
    List(Vec<Val>),
}

fn parse(s: &str) -> Val {
    if let Some(inner) = s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return Val::List(split_top(inner).into_iter().map(parse).collect());
    }
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return Val::Tuple(split_top(inner).into_iter().map(parse).collect());
    }
    if let Some(digits) = s.strip_prefix('i').filter(|d| !d.starts_with('n')) {
        return Val::Int(digits.parse().unwrap());
    }
    match s {
        "True" => Val::Bool(true),
        "False" => Val::Bool(false),
        _ => Val::Float(s.parse().unwrap_or_else(|_| panic!("bad value {s}"))),
    }
}

fn split_top(s: &str) -> Vec<&str> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Float(x), Val::Float(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        (Val::Tuple(xs), Val::Tuple(ys)) | (Val::List(xs), Val::List(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        _ => a == b,
    }
}

fn error_text(e: &NativeError) -> String {
    let kind = match e.kind {
        ErrorKind::ValueError => "ValueError",
        ErrorKind::TypeError => "TypeError",
        ErrorKind::IndexError => "IndexError",
        ErrorKind::OverflowError => "OverflowError",
        ErrorKind::ZeroDivisionError => "ZeroDivisionError",
        ErrorKind::OsError(_) => "OSError",
    };
    format!("!{kind}: {}", e.message)
}

fn float(v: &Val) -> f64 {
    match v {
        Val::Float(x) => *x,
        other => panic!("expected a float, got {other:?}"),
    }
}

fn int(v: &Val) -> &BigInt {
    match v {
        Val::Int(n) => n,
        other => panic!("expected an int, got {other:?}"),
    }
}

fn real(v: &Val) -> Real<'_> {
    match v {
        Val::Int(n) => Real::Int(n),
        other => Real::Float(float(other)),
    }
}

fn floats(v: &Val) -> Vec<f64> {
    match v {
        Val::List(xs) => xs.iter().map(float).collect(),
        other => panic!("expected a list, got {other:?}"),
    }
}

fn number(v: &Val) -> Number {
    match v {
        Val::Int(n) => Number::Int(n.clone()),
        other => Number::Float(float(other)),
    }
}

fn from_number(n: Number) -> Val {
    match n {
        Number::Int(i) => Val::Int(i),
        Number::Float(x) => Val::Float(x),
    }
}

fn call(name: &str, args: &[Val]) -> NativeResult<Val> {
    let f = |i: usize| float(&args[i]);
    let fl = |r: NativeResult<f64>| r.map(Val::Float);
    let bi = |r: NativeResult<BigInt>| r.map(Val::Int);
    if let Some(unary) = UnaryFn::by_name(name) {
        return fl(unary.apply(f(0)));
    }
    match name {
        "atan2" => fl(mathfns::atan2(f(0), f(1))),
        "copysign" => fl(mathfns::copysign(f(0), f(1))),
        "remainder" => fl(mathfns::remainder(f(0), f(1))),
        "fmod" => fl(mathfns::fmod(f(0), f(1))),
        "pow" => fl(mathfns::pow(f(0), f(1))),
        "nextafter" => Ok(Val::Float(mathfns::nextafter(f(0), f(1)))),
        "ulp" => Ok(Val::Float(mathfns::ulp(f(0)))),
        "degrees" => Ok(Val::Float(mathfns::degrees(f(0)))),
        "radians" => Ok(Val::Float(mathfns::radians(f(0)))),
        "frexp" => {
            let (m, e) = mathfns::frexp(f(0));
            Ok(Val::Tuple(vec![Val::Float(m), Val::Int(e.into())]))
        }
        "modf" => {
            let (frac, whole) = mathfns::modf(f(0));
            Ok(Val::Tuple(vec![Val::Float(frac), Val::Float(whole)]))
        }
        "floor" => bi(mathfns::floor(f(0))),
        "ceil" => bi(mathfns::ceil(f(0))),
        "trunc" => bi(mathfns::trunc(f(0))),
        "hash" => Ok(Val::Int(mathfns::float_hash(f(0)).into())),
        "float" => fl(mathfns::int_to_f64(int(&args[0]))),
        "log" => fl(mathfns::log(real(&args[0]), args.get(1).map(real))),
        "log2" => fl(mathfns::log2(real(&args[0]))),
        "log10" => fl(mathfns::log10(real(&args[0]))),
        "ldexp" => fl(mathfns::ldexp(f(0), int(&args[1]))),
        "factorial" => bi(mathfns::factorial(int(&args[0]))),
        "comb" => bi(mathfns::comb(int(&args[0]), int(&args[1]))),
        "perm" => bi(mathfns::perm(int(&args[0]), args.get(1).map(int))),
        "gcd" => {
            let ints: Vec<BigInt> = args.iter().map(|a| int(a).clone()).collect();
            Ok(Val::Int(mathfns::gcd(&ints)))
        }
        "lcm" => {
            let ints: Vec<BigInt> = args.iter().map(|a| int(a).clone()).collect();
            Ok(Val::Int(mathfns::lcm(&ints)))
        }
        "isqrt" => bi(mathfns::isqrt(int(&args[0]))),
        "hypot" => {
            let coords: Vec<f64> = args.iter().map(float).collect();
            Ok(Val::Float(mathfns::hypot(&coords)))
        }
        "dist" => fl(mathfns::dist(&floats(&args[0]), &floats(&args[1]))),
        "fsum" => fl(mathfns::fsum(&floats(&args[0]))),
        "isclose" => mathfns::isclose(f(0), f(1), f(2), f(3)).map(Val::Bool),
        "prod" => {
            let Val::List(items) = &args[0] else {
                panic!("prod wants a list")
            };
            let items: Vec<Number> = items.iter().map(number).collect();
            mathfns::prod(&items, number(&args[1])).map(from_number)
        }
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn math_matches_cpython_on_every_case() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in DATA.lines() {
        let (call_text, expected) = line.split_once(" => ").unwrap();
        let mut words = call_text.split(' ');
        let name = words.next().unwrap();
        let args: Vec<Val> = words.map(parse).collect();
        let got = call(name, &args);
        checked += 1;
        let ok = match &got {
            Err(e) => error_text(e) == expected,
            Ok(v) => !expected.starts_with('!') && same(v, &parse(expected)),
        };
        if !ok {
            let shown = match &got {
                Ok(v) => format!("{v:?}"),
                Err(e) => error_text(e),
            };
            failures.push(format!("{call_text}: want {expected}, got {shown}"));
        }
    }
    assert!(checked > 1000);
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_unary_function_is_found_by_its_name() {
    for (name, f) in UnaryFn::ALL {
        assert_eq!(UnaryFn::by_name(name), Some(f));
    }
    assert_eq!(UnaryFn::by_name("floor"), None);
}

#[test]
fn nan_hashes_to_zero_for_determinism() {
    assert_eq!(mathfns::float_hash(f64::NAN), 0);
}
