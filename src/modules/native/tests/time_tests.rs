//! Replays data/time.txt (written by CPython 3.11 on glibc with TZ=UTC, see
//! gen_time.py) against `timefmt`.

use crate::modules::native::timefmt::{self, TimeParts};
use crate::modules::native::{ErrorKind, NativeError, NativeResult};

const DATA: &str = include_str!("data/time.txt");

/// Undoes Python's `unicode_escape` codec.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.take(n).collect();
            char::from_u32(u32::from_str_radix(&digits, 16).unwrap()).unwrap()
        };
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('x') => out.push(hex(&mut chars, 2)),
            Some('u') => out.push(hex(&mut chars, 4)),
            Some('U') => out.push(hex(&mut chars, 8)),
            other => panic!("unknown escape {other:?}"),
        }
    }
    out
}

fn error_text(e: &NativeError) -> String {
    let kind = match e.kind {
        ErrorKind::ValueError => "ValueError".to_string(),
        ErrorKind::TypeError => "TypeError".to_string(),
        ErrorKind::IndexError => "IndexError".to_string(),
        ErrorKind::OverflowError => "OverflowError".to_string(),
        ErrorKind::ZeroDivisionError => "ZeroDivisionError".to_string(),
        ErrorKind::OsError(errno) => return format!("!OSError: [Errno {errno}] {}", e.message),
    };
    format!("!{kind}: {}", e.message)
}

fn fields(text: &str) -> [i64; 9] {
    let values: Vec<i64> = text.split(',').map(|v| v.parse().unwrap()).collect();
    values.try_into().unwrap()
}

fn tuple_text(t: &TimeParts) -> String {
    format!(
        "{},{},{},{},{},{},{},{},{}",
        t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst
    )
}

/// The struct a `g:`/`l:`/`t:` source names.
fn source(src: &str) -> NativeResult<TimeParts> {
    let (kind, value) = src.split_once(':').unwrap();
    match kind {
        "g" => timefmt::gmtime(value.parse().unwrap()),
        "l" => timefmt::localtime(value.parse().unwrap()),
        _ => timefmt::parts_from_tuple(fields(value), None, None)?.checked(),
    }
}

fn run(op: &str, args: &[String]) -> NativeResult<String> {
    let t = || args[0].parse::<f64>().unwrap();
    Ok(match op {
        "gmtime" => tuple_text(&timefmt::gmtime(t())?),
        "localtime" => tuple_text(&timefmt::localtime(t())?),
        "ctime" => timefmt::ctime(t())?,
        "dtstr" => timefmt::datetime_from_timestamp(t())?.isoformat(' '),
        "dtiso" => timefmt::datetime_from_timestamp(t())?.isoformat('T'),
        "utcstr" => timefmt::datetime_utc_from_timestamp(t())?.isoformat(' '),
        "datestr" => timefmt::date_from_timestamp(t())?.isoformat(),
        "strftime" => timefmt::strftime(&args[1], &source(&args[0])?)?,
        "dtftime" => timefmt::datetime_from_timestamp(t())?.strftime(&args[1])?,
        "tuple" => {
            let parts = timefmt::parts_from_tuple(fields(&args[0]), None, None)?.checked()?;
            timefmt::strftime("%Y %m %d %H %M %S %w %j %Z%z", &parts)?
        }
        "asctime" => {
            let parts = timefmt::parts_from_tuple(fields(&args[0]), None, None)?.checked()?;
            timefmt::asctime(&parts)
        }
        "mktime" => {
            let parts = timefmt::parts_from_tuple(fields(&args[0]), None, None)?;
            format!("{:?}", timefmt::mktime(&parts)?)
        }
        other => panic!("unknown op {other}"),
    })
}

fn same(op: &str, expected: &str, got: &str) -> bool {
    if op == "mktime" {
        return expected.parse::<f64>().ok() == got.parse::<f64>().ok();
    }
    expected == got
}

#[test]
fn time_views_match_cpython() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in DATA.lines() {
        let (call, expected) = line.split_once("\t=>\t").unwrap();
        let mut parts = call.split('\t').map(unescape);
        let op = parts.next().unwrap();
        let args: Vec<String> = parts.collect();
        let expected = unescape(expected);
        let got = match run(&op, &args) {
            Ok(text) => text,
            Err(e) => error_text(&e),
        };
        checked += 1;
        if !same(&op, &expected, &got) {
            failures.push(format!("{op} {args:?}: want {expected:?}, got {got:?}"));
        }
    }
    assert!(checked > 4000);
    assert!(
        failures.is_empty(),
        "{} of {checked} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn civil_dates_round_trip() {
    for days in (-800_000..800_000).step_by(97) {
        let (y, m, d) = timefmt::civil_from_days(days);
        assert_eq!(timefmt::days_from_civil(y, m, d), days);
    }
    assert_eq!(timefmt::civil_from_days(0), (1970, 1, 1));
    assert_eq!(timefmt::days_from_civil(2000, 3, 1), 11_017);
}

#[test]
fn strftime_rejects_an_embedded_nul() {
    let parts = timefmt::gmtime(0.0).unwrap();
    let err = timefmt::strftime("%Y\0", &parts).unwrap_err();
    assert_eq!(err.message, "embedded null character");
}
