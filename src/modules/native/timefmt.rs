//! Wall-clock views of kairos's virtual clock, as CPython 3.11 on glibc with
//! `TZ=UTC` shows them: `time.gmtime/localtime` breakdowns, `time.strftime`
//! (glibc's C-locale engine, quirks of flags, widths and bad directives
//! included), `time.asctime/ctime`, and the `datetime` conversions and `str()`
//! forms. kairos has no time zones: local time is UTC, and its zone name is
//! "UTC" while gmtime's is "GMT" (exactly as glibc names them).

use super::{ErrorKind, NativeError, NativeResult};

const SECS_PER_DAY: i64 = 86_400;
const WEEKDAY_ABBR: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const WEEKDAY_FULL: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A `time.struct_time`, in Python's conventions: `mon` 1..=12, `wday` with
/// Monday = 0, `yday` 1..=366.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeParts {
    pub year: i64,
    pub mon: i32,
    pub mday: i32,
    pub hour: i32,
    pub min: i32,
    pub sec: i32,
    pub wday: i32,
    pub yday: i32,
    pub isdst: i32,
    /// `tm_zone`; None for a plain 9-tuple (strftime then uses tzname, "UTC").
    pub zone: Option<String>,
    /// `tm_gmtoff`; None for a plain 9-tuple (counts as 0).
    pub gmtoff: Option<i64>,
}

// ------------------------------------------------------------------ calendar

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..=12).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The (year, month 1..=12, day) of a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Weekday with Monday = 0 of a count of days since 1970-01-01 (a Thursday).
pub fn weekday_from_days(days: i64) -> i32 {
    (days + 3).rem_euclid(7) as i32
}

// ------------------------------------------------------------------ gmtime

fn nan_error() -> NativeError {
    NativeError::value("Invalid value NaN (not a number)")
}

fn time_t_overflow() -> NativeError {
    NativeError::overflow("timestamp out of range for platform time_t")
}

fn value_too_large() -> NativeError {
    NativeError::new(
        ErrorKind::OsError(75),
        "Value too large for defined data type",
    )
}

/// A float timestamp as C `time_t`, after CPython's range check.
fn to_time_t(whole_seconds: f64) -> NativeResult<i64> {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if !(-LIMIT..LIMIT).contains(&whole_seconds) {
        return Err(time_t_overflow());
    }
    Ok(whole_seconds as i64)
}

/// `gmtime_r` on whole seconds; glibc refuses years whose `tm_year` overflows int.
fn breakdown(secs: i64, zone: &str) -> NativeResult<TimeParts> {
    let days = secs.div_euclid(SECS_PER_DAY);
    let rem = secs.rem_euclid(SECS_PER_DAY);
    let (year, mon, mday) = civil_from_days(days);
    if i32::try_from(year - 1900).is_err() {
        return Err(value_too_large());
    }
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Ok(TimeParts {
        year,
        mon: mon as i32,
        mday: mday as i32,
        hour: (rem / 3600) as i32,
        min: (rem % 3600 / 60) as i32,
        sec: (rem % 60) as i32,
        wday: weekday_from_days(days),
        yday: yday as i32,
        isdst: 0,
        zone: Some(zone.to_string()),
        gmtoff: Some(0),
    })
}

fn floor_timestamp(secs: f64) -> NativeResult<i64> {
    if secs.is_nan() {
        return Err(nan_error());
    }
    to_time_t(secs.floor())
}

/// `time.gmtime(secs)`: the floor of `secs`, broken down in UTC, zone "GMT".
pub fn gmtime(secs: f64) -> NativeResult<TimeParts> {
    breakdown(floor_timestamp(secs)?, "GMT")
}

/// `time.localtime(secs)`: as gmtime (local time is UTC), zone "UTC".
pub fn localtime(secs: f64) -> NativeResult<TimeParts> {
    breakdown(floor_timestamp(secs)?, "UTC")
}

/// `time.mktime(t)` with local time = UTC: out-of-range fields carry over as in
/// C's mktime (wday and yday are ignored), and isdst > 0 means an hour earlier,
/// as glibc reads a DST time in a zone without DST.
pub fn mktime(t: &TimeParts) -> NativeResult<f64> {
    let months = t.year * 12 + i64::from(t.mon) - 1;
    let year = months.div_euclid(12);
    let month = months.rem_euclid(12) as u32 + 1;
    let days = days_from_civil(year, month, 1) + i64::from(t.mday) - 1;
    let secs =
        days * SECS_PER_DAY + i64::from(t.hour) * 3600 + i64::from(t.min) * 60 + i64::from(t.sec)
            - if t.isdst > 0 { 3600 } else { 0 };
    let (check_year, _, _) = civil_from_days(secs.div_euclid(SECS_PER_DAY));
    if i32::try_from(check_year - 1900).is_err() {
        return Err(NativeError::overflow("mktime argument out of range"));
    }
    Ok(secs as f64)
}

/// A 9-field time tuple (year, mon, mday, hour, min, sec, wday, yday, isdst) as
/// CPython's `gettmarg` reads it: each field must fit a C int; no range checks
/// (`time.mktime` takes it as is; strftime and asctime then call [`TimeParts::checked`]).
pub fn parts_from_tuple(
    fields: [i64; 9],
    zone: Option<String>,
    gmtoff: Option<i64>,
) -> NativeResult<TimeParts> {
    let mut small = [0i32; 9];
    for (slot, &v) in small.iter_mut().zip(&fields) {
        *slot = i32::try_from(v).map_err(|_| {
            NativeError::overflow(if v > 0 {
                "signed integer is greater than maximum"
            } else {
                "signed integer is less than minimum"
            })
        })?;
    }
    let [year, mon, mday, hour, min, sec, wday, yday, isdst] = small;
    if year < i32::MIN + 1900 {
        return Err(NativeError::overflow("year out of range"));
    }
    Ok(TimeParts {
        year: i64::from(year),
        mon,
        mday,
        hour,
        min,
        sec,
        wday,
        yday,
        isdst,
        zone,
        gmtoff,
    })
}

impl TimeParts {
    /// CPython's `checktm` before strftime/asctime: range errors as ValueError;
    /// a zero month, mday or yday becomes 1; isdst is clamped to -1..=1.
    pub fn checked(mut self) -> NativeResult<TimeParts> {
        // C's % keeps the sign: wday -1 wraps to Sunday, -2 is an error.
        let c_wday = (self.wday + 1) % 7;
        if self.mon == 0 {
            self.mon = 1;
        } else if !(1..=12).contains(&self.mon) {
            return Err(NativeError::value("month out of range"));
        }
        if self.mday == 0 {
            self.mday = 1;
        } else if !(0..=31).contains(&self.mday) {
            return Err(NativeError::value("day of month out of range"));
        }
        if !(0..=23).contains(&self.hour) {
            return Err(NativeError::value("hour out of range"));
        }
        if !(0..=59).contains(&self.min) {
            return Err(NativeError::value("minute out of range"));
        }
        if !(0..=61).contains(&self.sec) {
            return Err(NativeError::value("seconds out of range"));
        }
        if c_wday < 0 {
            return Err(NativeError::value("day of week out of range"));
        }
        if self.yday == 0 {
            self.yday = 1;
        } else if !(1..=366).contains(&self.yday) {
            return Err(NativeError::value("day of year out of range"));
        }
        self.wday = (c_wday + 6) % 7;
        self.isdst = self.isdst.clamp(-1, 1);
        Ok(self)
    }
}

// ------------------------------------------------------------------ asctime

/// `time.asctime(t)`: "Thu Jan  1 00:00:03 1970".
pub fn asctime(t: &TimeParts) -> String {
    let wday = (t.wday + 1).rem_euclid(7) as usize;
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WEEKDAY_ABBR[wday],
        MONTH_ABBR[(t.mon - 1).rem_euclid(12) as usize],
        t.mday,
        t.hour,
        t.min,
        t.sec,
        t.year
    )
}

/// `time.ctime(secs)`.
pub fn ctime(secs: f64) -> NativeResult<String> {
    Ok(asctime(&localtime(secs)?))
}

// ------------------------------------------------------------------ strftime

/// The C `struct tm` view glibc's strftime reads.
struct Tm {
    year: i64,
    mon: usize,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i32,
    gmtoff: i64,
    zone: String,
}

impl Tm {
    fn from_parts(t: &TimeParts) -> Tm {
        let zone = match &t.zone {
            Some(z) if !z.is_empty() => z.clone(),
            // glibc falls back to tzname[isdst], which is "UTC" for both.
            _ if t.isdst >= 0 => "UTC".to_string(),
            _ => String::new(),
        };
        Tm {
            year: t.year,
            mon: (t.mon - 1).clamp(0, 11) as usize,
            mday: i64::from(t.mday),
            hour: i64::from(t.hour),
            min: i64::from(t.min),
            sec: i64::from(t.sec),
            wday: i64::from((t.wday + 1).rem_euclid(7)),
            yday: i64::from(t.yday - 1),
            isdst: t.isdst,
            gmtoff: t.gmtoff.unwrap_or(0),
            zone,
        }
    }

    /// What glibc's `%s` prints: `mktime` of these fields (see [`mktime`]).
    fn seconds_since_epoch(&self) -> i64 {
        let days = days_from_civil(self.year, self.mon as u32 + 1, 1) + self.mday - 1;
        let dst_shift = if self.isdst > 0 { 3600 } else { 0 };
        days * SECS_PER_DAY + self.hour * 3600 + self.min * 60 + self.sec - dst_shift
    }

    fn hour12(&self) -> i64 {
        match self.hour % 12 {
            0 => 12,
            h => h,
        }
    }

    /// (ISO year offset -1/0/+1, days since the start of the ISO week-1).
    fn iso_week(&self) -> (i64, i64) {
        fn iso_week_days(yday: i64, wday: i64) -> i64 {
            const BIG_ENOUGH_MULTIPLE_OF_7: i64 = (366 / 7 + 2) * 7;
            yday - (yday - wday + 4 + BIG_ENOUGH_MULTIPLE_OF_7) % 7 + 3
        }
        let year_len = |y: i64| 365 + i64::from(is_leap(y));
        let days = iso_week_days(self.yday, self.wday);
        if days < 0 {
            return (
                -1,
                iso_week_days(self.yday + year_len(self.year - 1), self.wday),
            );
        }
        let next = iso_week_days(self.yday - year_len(self.year), self.wday);
        if next >= 0 {
            (1, next)
        } else {
            (0, days)
        }
    }
}

/// strftime output that stops growing at CPython's buffer size: a result that
/// would not fit is returned as "" anyway, and huge widths must not allocate.
struct Out {
    text: String,
    len: usize,
    limit: usize,
    overflowed: bool,
}

impl Out {
    fn new(limit: usize) -> Out {
        Out {
            text: String::new(),
            len: 0,
            limit,
            overflowed: false,
        }
    }

    fn fill(&mut self, c: char, count: usize) {
        if self.len + count > self.limit {
            self.overflowed = true;
            return;
        }
        self.text.extend(std::iter::repeat_n(c, count));
        self.len += count;
    }

    fn push(&mut self, c: char) {
        self.fill(c, 1);
    }
}

/// Flags and width of one conversion, as glibc parses them.
struct Spec {
    pad: char,
    upcase: bool,
    lowcase: bool,
    change_case: bool,
    width: i64,
}

impl Spec {
    /// glibc's `cpy`: case conversion, then padding to the width (zeros only
    /// for the `0` flag).
    fn emit(&self, out: &mut Out, text: &str) {
        let len = text.chars().count() as i64;
        if self.width > len {
            let fill = if self.pad == '0' { '0' } else { ' ' };
            out.fill(fill, (self.width - len) as usize);
        }
        for c in text.chars() {
            out.push(if self.lowcase {
                c.to_ascii_lowercase()
            } else if self.upcase {
                c.to_ascii_uppercase()
            } else {
                c
            });
        }
    }

    /// glibc's `do_number` path: at least `min_digits` digits (or the width),
    /// zero-padded unless the `_`/`-` flags (or a space-padded directive) say not.
    fn number(&mut self, out: &mut Out, min_digits: i64, value: i64, space_pad: bool) {
        if space_pad && self.pad != '0' && self.pad != '-' {
            self.pad = '_';
        }
        let digits = min_digits.max(self.width);
        self.signed_digits(out, digits, value);
    }

    /// Pads `value` to `digits` (spaces for `_`, else zeros after the sign),
    /// then writes it through [`Spec::emit`] with what is left of the width.
    fn signed_digits(&mut self, out: &mut Out, digits: i64, value: i64) {
        let text = value.to_string();
        let mut body: &str = &text;
        if self.pad != '-' {
            let padding = digits - text.len() as i64;
            if padding > 0 {
                if self.pad == '_' {
                    out.fill(' ', padding as usize);
                    self.width = (self.width - padding).max(0);
                } else {
                    if let Some(rest) = body.strip_prefix('-') {
                        out.push('-');
                        body = rest;
                    }
                    out.fill('0', padding as usize);
                    self.width = 0;
                }
            }
        }
        self.emit(out, body);
    }
}

/// glibc `strftime` in the C locale, into `out` (which stops at its limit).
fn format_tm(format: &[char], tm: &Tm, out: &mut Out) {
    let mut i = 0;
    while i < format.len() && !out.overflowed {
        let c = format[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        let mut spec = Spec {
            pad: '\0',
            upcase: false,
            lowcase: false,
            change_case: false,
            width: -1,
        };
        i += 1;
        while let Some(&f) = format.get(i) {
            match f {
                '_' | '-' | '0' => spec.pad = f,
                '^' => spec.upcase = true,
                '#' => spec.change_case = true,
                _ => break,
            }
            i += 1;
        }
        if format.get(i).is_some_and(|c| c.is_ascii_digit()) {
            let mut width: i64 = 0;
            while let Some(d) = format.get(i).and_then(|c| c.to_digit(10)) {
                width = (width * 10 + i64::from(d)).min(i64::from(i32::MAX));
                i += 1;
            }
            spec.width = width;
        }
        let modifier = match format.get(i) {
            Some(&m @ ('E' | 'O')) => {
                i += 1;
                Some(m)
            }
            _ => None,
        };
        let conversion = format.get(i).copied();
        let end = match conversion {
            Some(_) => i + 1,
            None => format.len(),
        };
        let handled = conversion.is_some_and(|conv| convert(conv, modifier, &mut spec, tm, out));
        if !handled {
            let text: String = format[start..end].iter().collect();
            spec.emit(out, &text);
        }
        i = end;
    }
}

/// Formats one directive; false when glibc treats it as a bad format.
fn convert(conv: char, modifier: Option<char>, spec: &mut Spec, tm: &Tm, out: &mut Out) -> bool {
    let is_e = modifier == Some('E');
    let is_o = modifier == Some('O');
    let upcase_names = |spec: &mut Spec| {
        if spec.change_case {
            spec.upcase = true;
            spec.lowcase = false;
        }
    };
    match conv {
        '%' => spec.emit(out, "%"),
        'a' | 'A' => {
            if modifier.is_some() {
                return false;
            }
            upcase_names(spec);
            let names = if conv == 'a' {
                &WEEKDAY_ABBR
            } else {
                &WEEKDAY_FULL
            };
            spec.emit(out, names[tm.wday.rem_euclid(7) as usize]);
        }
        'b' | 'h' | 'B' => {
            if is_e {
                return false;
            }
            upcase_names(spec);
            let names = if conv == 'B' {
                &MONTH_FULL
            } else {
                &MONTH_ABBR
            };
            spec.emit(out, names[tm.mon]);
        }
        'c' | 'x' | 'X' if is_o => return false,
        'D' | 'F' if modifier.is_some() => return false,
        'c' => subformat(spec, "%a %b %e %H:%M:%S %Y", tm, out),
        'x' | 'D' => subformat(spec, "%m/%d/%y", tm, out),
        'X' | 'T' => subformat(spec, "%H:%M:%S", tm, out),
        'F' => subformat(spec, "%Y-%m-%d", tm, out),
        'R' => subformat(spec, "%H:%M", tm, out),
        'r' => subformat(spec, "%I:%M:%S %p", tm, out),
        'C' => spec.number(out, 1, tm.year.div_euclid(100), false),
        'Y' => {
            if is_o {
                return false;
            }
            spec.number(out, 1, tm.year, false);
        }
        'y' => spec.number(out, 2, tm.year.rem_euclid(100), false),
        'n' => spec.emit(out, "\n"),
        't' => spec.emit(out, "\t"),
        'P' | 'p' => {
            // Lower case wins over `^`, so `%P` and `%#p` are always lower.
            spec.lowcase = conv == 'P' || spec.change_case;
            spec.emit(out, if tm.hour > 11 { "PM" } else { "AM" });
        }
        'u' => spec.number(out, 1, (tm.wday - 1 + 7) % 7 + 1, false),
        'Z' => {
            spec.lowcase = spec.change_case;
            let zone = tm.zone.clone();
            spec.emit(out, &zone);
        }
        'z' => {
            if tm.isdst < 0 {
                return true;
            }
            let sign = if tm.gmtoff < 0 { "-" } else { "+" };
            spec.emit(out, sign);
            let minutes = tm.gmtoff.abs() / 60;
            spec.number(out, 4, (minutes / 60) * 100 + minutes % 60, false);
        }
        's' => {
            let secs = tm.seconds_since_epoch();
            spec.signed_digits(out, 1, secs);
        }
        _ if is_e => return false,
        'd' => spec.number(out, 2, tm.mday, false),
        'e' => spec.number(out, 2, tm.mday, true),
        'H' => spec.number(out, 2, tm.hour, false),
        'k' => spec.number(out, 2, tm.hour, true),
        'I' => spec.number(out, 2, tm.hour12(), false),
        'l' => spec.number(out, 2, tm.hour12(), true),
        'j' => spec.number(out, 3, tm.yday + 1, false),
        'M' => spec.number(out, 2, tm.min, false),
        'm' => spec.number(out, 2, tm.mon as i64 + 1, false),
        'S' => spec.number(out, 2, tm.sec, false),
        'U' => spec.number(out, 2, (tm.yday - tm.wday + 7) / 7, false),
        'W' => spec.number(out, 2, (tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7, false),
        'w' => spec.number(out, 1, tm.wday, false),
        'V' | 'g' | 'G' => {
            let (year_adjust, days) = tm.iso_week();
            let iso_year = tm.year + year_adjust;
            match conv {
                'g' => spec.number(out, 2, iso_year.rem_euclid(100), false),
                'G' => spec.number(out, 1, iso_year, false),
                _ => spec.number(out, 2, days / 7 + 1, false),
            }
        }
        _ => return false,
    }
    true
}

/// A directive defined as another format (`%c`, `%D`, ...): formatted with
/// default flags, then padded as a whole and upper-cased on `^`.
fn subformat(spec: &Spec, format: &str, tm: &Tm, out: &mut Out) {
    let chars: Vec<char> = format.chars().collect();
    let mut inner = Out::new(out.limit);
    format_tm(&chars, tm, &mut inner);
    out.overflowed |= inner.overflowed;
    let whole = Spec {
        pad: spec.pad,
        upcase: spec.upcase,
        lowcase: false,
        change_case: false,
        width: spec.width,
    };
    whole.emit(out, &inner.text);
}

/// `time.strftime(format, t)` exactly as CPython 3.11 returns it on glibc:
/// an output that does not fit CPython's largest buffer (1024 doubled until it
/// reaches 256 * len(format)) comes back as "", as does an empty result.
pub fn strftime(format: &str, t: &TimeParts) -> NativeResult<String> {
    if format.contains('\0') {
        return Err(NativeError::value("embedded null character"));
    }
    let chars: Vec<char> = format.chars().collect();
    let mut buffer: usize = 1024;
    while buffer < 256 * chars.len() {
        buffer *= 2;
    }
    // C strftime needs room for the terminating NUL.
    let mut out = Out::new(buffer - 1);
    format_tm(&chars, &Tm::from_parts(t), &mut out);
    if out.overflowed {
        return Ok(String::new());
    }
    Ok(out.text)
}

// ------------------------------------------------------------------ datetime

/// A naive `datetime.datetime`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub microsecond: u32,
}

/// A `datetime.date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn check_year(year: i64) -> NativeResult<i32> {
    if (1..=9999).contains(&year) {
        Ok(year as i32)
    } else {
        Err(NativeError::value(format!("year {year} is out of range")))
    }
}

/// Round half to even, as CPython's `_PyTime_ROUND_HALF_EVEN`.
fn round_half_even(x: f64) -> f64 {
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        rounded
    }
}

/// Splits a float timestamp into whole seconds and microseconds, rounding the
/// fraction half to even (`_PyTime_ObjectToTimeval`).
fn split_timestamp(t: f64) -> NativeResult<(i64, u32)> {
    if t.is_nan() {
        return Err(nan_error());
    }
    let mut int_part = t.trunc();
    let mut micros = round_half_even((t - int_part) * 1e6);
    if micros >= 1e6 {
        micros -= 1e6;
        int_part += 1.0;
    } else if micros < 0.0 {
        micros += 1e6;
        int_part -= 1.0;
    }
    Ok((to_time_t(int_part)?, micros as u32))
}

/// `datetime.datetime.fromtimestamp(t)` and `now()`. CPython also breaks down
/// the local time a day earlier to detect a DST fold; that probe fails on the
/// first day of year 1, so those timestamps are errors too.
pub fn datetime_from_timestamp(t: f64) -> NativeResult<DateTime> {
    let dt = datetime_utc_from_timestamp(t)?;
    let (secs, _) = split_timestamp(t)?;
    let probe = breakdown(secs - SECS_PER_DAY, "UTC")?;
    check_year(probe.year)?;
    Ok(dt)
}

/// `datetime.datetime.utcfromtimestamp(t)` (and `utcnow()`).
pub fn datetime_utc_from_timestamp(t: f64) -> NativeResult<DateTime> {
    let (secs, microsecond) = split_timestamp(t)?;
    let parts = breakdown(secs, "UTC")?;
    Ok(DateTime {
        year: check_year(parts.year)?,
        month: parts.mon as u32,
        day: parts.mday as u32,
        hour: parts.hour as u32,
        minute: parts.min as u32,
        second: parts.sec as u32,
        microsecond,
    })
}

/// `datetime.date.fromtimestamp(t)` (also `today()`): the floor of t.
pub fn date_from_timestamp(t: f64) -> NativeResult<Date> {
    let parts = breakdown(floor_timestamp(t)?, "UTC")?;
    Ok(Date {
        year: check_year(parts.year)?,
        month: parts.mon as u32,
        day: parts.mday as u32,
    })
}

impl Date {
    /// `str(date)` / `date.isoformat()`: "1970-01-01".
    pub fn isoformat(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `date.weekday()`: Monday = 0.
    pub fn weekday(&self) -> i32 {
        weekday_from_days(days_from_civil(i64::from(self.year), self.month, self.day))
    }
}

impl DateTime {
    pub fn date(&self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: self.day,
        }
    }

    /// `datetime.isoformat(sep)`; `str(dt)` is `isoformat(' ')`. Microseconds
    /// appear only when nonzero.
    pub fn isoformat(&self, sep: char) -> String {
        let mut s = format!(
            "{}{}{:02}:{:02}:{:02}",
            self.date().isoformat(),
            sep,
            self.hour,
            self.minute,
            self.second
        );
        if self.microsecond != 0 {
            s.push_str(&format!(".{:06}", self.microsecond));
        }
        s
    }

    /// `datetime.timetuple()` of a naive datetime (isdst = -1, no zone).
    pub fn timetuple(&self) -> TimeParts {
        let days = days_from_civil(i64::from(self.year), self.month, self.day);
        let year_start = days_from_civil(i64::from(self.year), 1, 1);
        TimeParts {
            year: i64::from(self.year),
            mon: self.month as i32,
            mday: self.day as i32,
            hour: self.hour as i32,
            min: self.minute as i32,
            sec: self.second as i32,
            wday: weekday_from_days(days),
            yday: (days - year_start + 1) as i32,
            isdst: -1,
            zone: None,
            gmtoff: None,
        }
    }

    /// `datetime.strftime(format)` of a naive datetime: `%f` becomes the
    /// microseconds, `%z` and `%Z` become "", then `time.strftime` on the
    /// timetuple. `date.strftime` is this on midnight of that date.
    pub fn strftime(&self, format: &str) -> NativeResult<String> {
        let mut rewritten = String::with_capacity(format.len());
        let mut chars = format.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                rewritten.push(c);
                continue;
            }
            match chars.next() {
                None => rewritten.push('%'),
                Some('f') => rewritten.push_str(&format!("{:06}", self.microsecond)),
                Some('z' | 'Z') => {}
                Some(other) => {
                    rewritten.push('%');
                    rewritten.push(other);
                }
            }
        }
        strftime(&rewritten, &self.timetuple())
    }
}
