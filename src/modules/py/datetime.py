"""datetime for kairos: timedelta, date, datetime, time, tzinfo and timezone,
with CPython 3.11's behaviour, reprs and error messages.

The wall-clock readings (date.today(), datetime.now(), datetime.utcnow())
read kairos's virtual clock as seconds since 1970-01-01 00:00:00 UTC
(SPEC section 1). kairos has no time zones: local time is UTC.
"""

import _kairos
import math as _math
import time as _timemod

MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND
_MAX_ORDINAL = 3652059  # date.max.toordinal()
_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNSET = object()  # "argument not given", where None is a meaningful value


# ---------------------------------------------------------------------------
# Calendar arithmetic (proleptic Gregorian; ordinal 1 is 0001-01-01)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    days = 0
    for m in range(1, month):
        days += _days_in_month(year, m)
    return days


def _ymd_to_ordinal(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ordinal_to_ymd(ordinal):
    """(year, month, day) of an ordinal; any ordinal, so errors can name the year."""
    n = ordinal - 1
    cycles400, n = divmod(n, 146097)
    cycles100, n = divmod(n, 36524)
    cycles4, n = divmod(n, 1461)
    years, n = divmod(n, 365)
    year = cycles400 * 400 + cycles100 * 100 + cycles4 * 4 + years + 1
    if years == 4 or cycles100 == 4:
        return year - 1, 12, 31  # the last day of a leap year
    month = 1
    while n >= _days_in_month(year, month):
        n -= _days_in_month(year, month)
        month += 1
    return year, month, n + 1


def _iso_week1_monday(year):
    jan1 = _days_before_year(year) + 1
    monday = jan1 - (jan1 + 6) % 7
    if (jan1 + 6) % 7 > 3:  # Jan 1 is Fri..Sun: week 1 starts the Monday after
        monday += 7
    return monday


def _c_round(x):
    """C's round(): halves away from zero."""
    whole = _math.floor(x)
    diff = x - whole
    if diff > 0.5 or (diff == 0.5 and x > 0):
        whole += 1
    return float(whole)


def _divide_nearest(a, b):
    """a / b rounded to the nearest integer, halves to even (ints only)."""
    q, r = divmod(a, b)
    twice = 2 * r
    if (twice > b if b > 0 else twice < b) or (twice == b and q % 2 == 1):
        q += 1
    return q


# ---------------------------------------------------------------------------
# Argument checks with CPython's messages


def _tp_name(obj):
    """The type name CPython's C types print: `datetime.date`, or a subclass's own name."""
    cls = type(obj)
    if cls in (timedelta, date, datetime, time, tzinfo, timezone):
        return "datetime." + cls.__name__
    return cls.__name__


def _arg_type(value):
    """How CPython's argument errors name a value's type."""
    return "None" if value is None else _tp_name(value)


def _as_int(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _tp_name(value))
    return index(value)


def _check_date(year, month, day):
    year, month, day = _as_int(year), _as_int(month), _as_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute, second = _as_int(hour), _as_int(minute), _as_int(second)
    microsecond, fold = _as_int(microsecond), _as_int(fold)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _tp_name(tz))
    return tz


def _check_offset(offset, method):
    """Validates what tzinfo.utcoffset()/dst() returned."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, _tp_name(offset)))
    if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24)"
                         " and timedelta(hours=24), not %r." % (offset,))
    return offset


def _call_tzname(tz, arg):
    if tz is None:
        return None
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _tp_name(name))
    return name


def _format_offset(offset, sep):
    """`+HH:MM[:SS[.ffffff]]` (sep ':') or `+HHMM...` (sep ''); '' for None."""
    if offset is None:
        return ""
    sign = "+"
    if offset._days < 0:
        sign = "-"
        offset = -offset
    minutes, seconds = divmod(offset._seconds, 60)
    hours, minutes = divmod(minutes, 60)
    text = "%s%02d%s%02d" % (sign, hours, sep, minutes)
    if offset._microseconds:
        return text + "%s%02d.%06d" % (sep, seconds, offset._microseconds)
    if seconds:
        return text + "%s%02d" % (sep, seconds)
    return text


def _format_time(hour, minute, second, microsecond, timespec):
    if timespec == "auto":
        timespec = "microseconds" if microsecond else "seconds"
    if timespec == "hours":
        return "%02d" % hour
    if timespec == "minutes":
        return "%02d:%02d" % (hour, minute)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hour, minute, second)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hour, minute, second, microsecond // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hour, minute, second, microsecond)
    raise ValueError("Unknown timespec value")


def _check_str_arg(value, func, position):
    if not isinstance(value, str):
        raise TypeError("%s() argument %d must be str, not %s" % (func, position, _arg_type(value)))


def _strftime(obj, fmt, timetuple, microsecond):
    """time.strftime with %f, %z and %Z filled in from the object first, as CPython does."""
    _check_str_arg(fmt, "strftime", 1)
    pieces = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch != "%" or i + 1 == len(fmt):
            pieces.append(ch)
            i += 1
            continue
        code = fmt[i + 1]
        i += 2
        if code == "f":
            pieces.append("%06d" % microsecond)
        elif code == "z":
            pieces.append(_format_offset(obj.utcoffset(), "") if hasattr(obj, "utcoffset") else "")
        elif code == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            pieces.append("" if name is None else name.replace("%", "%%"))
        else:
            pieces.append("%" + code)
    return _timemod.strftime("".join(pieces), timetuple)


def _format(obj, fmt):
    _check_str_arg(fmt, "format", 2)
    if fmt:
        return obj.strftime(fmt)
    return str(obj)


def _split_timestamp(t, half_even):
    """(whole seconds, microseconds) of a timestamp: rounded half-even (datetime)
    or floored to the second (date), with CPython's errors."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if half_even:
            frac, whole = _math.modf(t)
            us = round(frac * 1e6)
            if us >= _US_PER_SECOND:
                us -= _US_PER_SECOND
                whole += 1.0
            elif us < 0:
                us += _US_PER_SECOND
                whole -= 1.0
        else:
            whole, us = _math.floor(t) if _math.isfinite(t) else t, 0
        if not -9.223372036854776e18 <= whole < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(whole), us
    seconds = _as_int(t)
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError("timestamp out of range for platform time_t")
    return seconds, 0


def _utc_fields(seconds):
    """(year, month, day, hour, minute, second) of seconds since the epoch, year checked."""
    days, seconds = divmod(seconds, 86400)
    year, month, day = _ordinal_to_ymd(days + _EPOCH_ORDINAL)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return year, month, day, hour, minute, second


class _Comparable:
    """The six rich comparisons, through self._compare(other, op) -> -1/0/1 or None."""

    def __eq__(self, other):
        c = self._compare(other, "==")
        return NotImplemented if c is None else c == 0

    def __ne__(self, other):
        c = self._compare(other, "!=")
        return NotImplemented if c is None else c != 0

    def __lt__(self, other):
        c = self._compare(other, "<")
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._compare(other, "<=")
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._compare(other, ">")
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._compare(other, ">=")
        return NotImplemented if c is None else c >= 0


def _utc_pair(a, a_us, b, b_us):
    """Two times or datetimes as comparable microseconds: shifted to UTC when
    their tzinfos differ; None when one is naive and the other aware."""
    if a._tzinfo is not b._tzinfo:
        a_offset, b_offset = a.utcoffset(), b.utcoffset()
        if (a_offset is None) != (b_offset is None):
            return None
        if a_offset is not None:
            a_us -= a_offset._total_us()
            b_us -= b_offset._total_us()
    return a_us, b_us


def _compare_moments(a, a_us, b, b_us, op, kind):
    pair = _utc_pair(a, a_us, b, b_us)
    if pair is None:
        if op in ("==", "!="):
            return 1
        raise TypeError("can't compare offset-naive and offset-aware %s" % kind)
    return (pair[0] > pair[1]) - (pair[0] < pair[1])


# ---------------------------------------------------------------------------
# timedelta

_TIMEDELTA_UNITS = (
    ("microseconds", 1), ("milliseconds", 1000), ("seconds", _US_PER_SECOND),
    ("minutes", 60 * _US_PER_SECOND), ("hours", 3600 * _US_PER_SECOND),
    ("days", _US_PER_DAY), ("weeks", 7 * _US_PER_DAY),
)


class timedelta(_Comparable):
    """A duration, normalised to days, seconds (0..86399) and microseconds (0..999999)."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0,
                 minutes=0, hours=0, weeks=0):
        given = {"days": days, "seconds": seconds, "microseconds": microseconds,
                 "milliseconds": milliseconds, "minutes": minutes, "hours": hours,
                 "weeks": weeks}
        # Exact for ints; floats keep their whole part exact and gather the
        # fractions of a microsecond, rounded once at the end (as CPython does).
        total = 0
        leftover = 0.0
        for tag, factor in _TIMEDELTA_UNITS:
            value = given[tag]
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * factor
                if frac:
                    frac, whole = _math.modf(factor * frac)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (tag, _tp_name(value)))
        if leftover:
            whole = _c_round(leftover)
            if abs(whole - leftover) == 0.5:
                odd = total & 1
                whole = 2.0 * _c_round((leftover + odd) * 0.5) - odd
            total += int(whole)
        self._set_total_us(total)

    def _set_total_us(self, total):
        seconds, self._microseconds = divmod(total, _US_PER_SECOND)
        days, self._seconds = divmod(seconds, 86400)
        if not -2147483648 <= days <= 2147483647:
            raise OverflowError("Python int too large to convert to C int")
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self._days = days

    def _total_us(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._total_us() / _US_PER_SECOND

    def __repr__(self):
        fields = []
        if self._days:
            fields.append("days=%d" % self._days)
        if self._seconds:
            fields.append("seconds=%d" % self._seconds)
        if self._microseconds:
            fields.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_tp_name(self), ", ".join(fields) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = "%d day%s, %s" % (self._days, plural, text)
        return text

    def __format__(self, spec):
        _check_str_arg(spec, "format", 2)
        if spec:
            raise TypeError("unsupported format string passed to %s.__format__" % _tp_name(self))
        return str(self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._total_us() + other._total_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._total_us() - other._total_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _delta(other._total_us() - self._total_us())
        return NotImplemented

    def __neg__(self):
        return _delta(-self._total_us())

    def __pos__(self):
        return _delta(self._total_us())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return _delta(self._total_us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return _delta(_divide_nearest(self._total_us() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() / other._total_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta(_divide_nearest(self._total_us(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            if num == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta(_divide_nearest(self._total_us() * den, num))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._total_us() // other._total_us()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _delta(self._total_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError("integer modulo by zero")
            return _delta(self._total_us() % other._total_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            if not other:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._total_us(), other._total_us())
            return q, _delta(r)
        return NotImplemented

    def _compare(self, other, op):
        if not isinstance(other, timedelta):
            return None
        mine, theirs = self._total_us(), other._total_us()
        return (mine > theirs) - (mine < theirs)

    def __hash__(self):
        return hash((self._days, self._seconds, self._microseconds))

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)


def _delta(total_us):
    """A timedelta of a whole number of microseconds."""
    result = object.__new__(timedelta)
    result._set_total_us(total_us)
    return result


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, seconds=86399, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# date


class IsoCalendarDate:
    """date.isocalendar()'s result: a (year, week, weekday) tuple with names."""

    def __init__(self, year, week, weekday):
        self._fields = (year, week, weekday)

    @property
    def year(self):
        return self._fields[0]

    @property
    def week(self):
        return self._fields[1]

    @property
    def weekday(self):
        return self._fields[2]

    def __getitem__(self, index):
        return self._fields[index]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        if isinstance(other, IsoCalendarDate):
            other = other._fields
        return self._fields == other

    def __hash__(self):
        return hash(self._fields)

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self._fields


class date(_Comparable):
    """A day of the proleptic Gregorian calendar."""

    def __init__(self, year, month, day):
        self._year, self._month, self._day = _check_date(year, month, day)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_kairos.clock())

    @classmethod
    def fromtimestamp(cls, t):
        seconds = _split_timestamp(t, False)[0]
        year, month, day = _utc_fields(seconds)[:3]
        return cls(year, month, day)

    @classmethod
    def fromordinal(cls, n):
        n = _as_int(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        ymd = None
        if len(date_string) in (7, 8, 10):
            ymd = _parse_iso_date(date_string, len(date_string))
        if ymd is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        year, week, day = _as_int(year), _as_int(week), _as_int(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        ordinal = _iso_to_ordinal(year, week, day)
        if ordinal == -1:
            raise ValueError("Invalid week: %d" % week)
        if ordinal == -2:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return cls(*_ordinal_to_ymd(ordinal))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        year = self._year
        today = self.toordinal()
        week1 = _iso_week1_monday(year)
        if today < week1:
            year -= 1
            week1 = _iso_week1_monday(year)
        elif today >= _iso_week1_monday(year + 1):
            year += 1
            week1 = _iso_week1_monday(year)
        week, day = divmod(today - week1, 7)
        return IsoCalendarDate(year, week + 1, day + 1)

    def _yday(self):
        return _days_before_month(self._year, self._month) + self._day

    def timetuple(self):
        return _timemod.struct_time((self._year, self._month, self._day, 0, 0, 0,
                                     self.weekday(), self._yday(), -1))

    def ctime(self):
        return "%s %s %2d 00:00:00 %04d" % (_DAY_NAMES[self.weekday()],
                                            _MONTH_NAMES[self._month], self._day, self._year)

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple(), 0)

    def __format__(self, fmt):
        return _format(self, fmt)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tp_name(self), self._year, self._month, self._day)

    def replace(self, year=_UNSET, month=_UNSET, day=_UNSET):
        return type(self)(self._year if year is _UNSET else year,
                          self._month if month is _UNSET else month,
                          self._day if day is _UNSET else day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            ordinal = self.toordinal() + other._days
            if not 1 <= ordinal <= _MAX_ORDINAL:
                raise OverflowError("date value out of range")
            return type(self)(*_ordinal_to_ymd(ordinal))
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _compare(self, other, op):
        """-1/0/1 against another date; None for NotImplemented."""
        if isinstance(other, datetime):
            if op in ("==", "!="):
                return None
            raise TypeError("can't compare %s to %s" % (_tp_name(other), _tp_name(self)))
        if isinstance(other, date):
            mine = (self._year, self._month, self._day)
            theirs = (other._year, other._month, other._day)
            return (mine > theirs) - (mine < theirs)
        return None

    def __hash__(self):
        return hash((self._year, self._month, self._day))


def _iso_to_ordinal(year, week, day):
    """Ordinal of an ISO week date; -1 for a bad week, -2 for a bad day."""
    if not 0 < week < 53:
        jan1_weekday = _ymd_to_ordinal(year, 1, 1) % 7
        if week != 53 or not (jan1_weekday == 4 or (jan1_weekday == 3 and _is_leap(year))):
            return -1
    if not 0 < day < 8:
        return -2
    return _iso_week1_monday(year) + (week - 1) * 7 + day - 1


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---------------------------------------------------------------------------
# tzinfo and timezone


class tzinfo:
    """Abstract base class for time zone information."""

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = _check_offset(self.utcoffset(dt), "utcoffset")
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = _check_offset(self.dst(dt), "dst")
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        dt += offset - dst
        dst = _check_offset(dt.dst(), "dst")
        return dt if dst is None else dt + dst


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __new__(cls, offset, name=_UNSET):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _arg_type(offset))
        if name is _UNSET:
            name = None
            if not offset and _UTC is not None:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _arg_type(name))
        if not -_US_PER_DAY < offset._total_us() < _US_PER_DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24)"
                             " and timedelta(hours=24), not %r." % (offset,))
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def _check_dt(self, dt, method):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                            % (method, _tp_name(dt)))

    def utcoffset(self, dt):
        self._check_dt(dt, "utcoffset")
        return self._offset

    def dst(self, dt):
        self._check_dt(dt, "dst")
        return None

    def tzname(self, dt):
        self._check_dt(dt, "tzname")
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_tp_name(self), self._offset)
        return "%s(%r, %r)" % (_tp_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


_UTC = None
_UTC = timezone(timedelta(0))
timezone.utc = _UTC
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = _UTC


# ---------------------------------------------------------------------------
# time


class time(_Comparable):
    """A time of day, optionally with a tzinfo."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time(hour, minute, second, microsecond, fold)
        self._tzinfo = _check_tzinfo(tzinfo)

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        parsed = _parse_iso_time(text, 0)
        if parsed is None:
            raise ValueError("Invalid isoformat string: %r" % (time_string,))
        hour, minute, second, microsecond, tz = parsed
        return cls(hour, minute, second, microsecond, _iso_timezone(tz))

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(None), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(None), "dst")

    def tzname(self):
        return _call_tzname(self._tzinfo, None)

    def isoformat(self, timespec="auto"):
        _check_str_arg(timespec, "isoformat", 1)
        text = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            fields = "%d, %d, %d, %d" % (self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            fields = "%d, %d, %d" % (self._hour, self._minute, self._second)
        else:
            fields = "%d, %d" % (self._hour, self._minute)
        if self._tzinfo is not None:
            fields += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            fields += ", fold=1"
        return "%s(%s)" % (_tp_name(self), fields)

    def strftime(self, fmt):
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _strftime(self, fmt, timetuple, self._microsecond)

    def __format__(self, fmt):
        return _format(self, fmt)

    def replace(self, hour=_UNSET, minute=_UNSET, second=_UNSET, microsecond=_UNSET,
                tzinfo=_UNSET, *, fold=_UNSET):
        return type(self)(
            self._hour if hour is _UNSET else hour,
            self._minute if minute is _UNSET else minute,
            self._second if second is _UNSET else second,
            self._microsecond if microsecond is _UNSET else microsecond,
            self._tzinfo if tzinfo is _UNSET else tzinfo,
            fold=self._fold if fold is _UNSET else fold)

    def _day_us(self):
        seconds = (self._hour * 60 + self._minute) * 60 + self._second
        return seconds * _US_PER_SECOND + self._microsecond

    def _compare(self, other, op):
        if not isinstance(other, time):
            return None
        return _compare_moments(self, self._day_us(), other, other._day_us(), op, "times")

    def __hash__(self):
        offset = self.utcoffset()
        return hash(self._day_us() - (offset._total_us() if offset is not None else 0))

    def __bool__(self):
        return True


time.min = time(0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# datetime


class datetime(date):
    """A date with a time of day, optionally with a tzinfo."""

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None, *, fold=0):
        # CPython converts every argument before it checks any range.
        ints = [_as_int(v) for v in (year, month, day, hour, minute, second, microsecond, fold)]
        self._year, self._month, self._day = _check_date(*ints[:3])
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time(*ints[3:])
        self._tzinfo = _check_tzinfo(tzinfo)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_kairos.clock(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_kairos.clock())

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        seconds, us = _split_timestamp(t, True)
        fields = _utc_fields(seconds)
        if tz is not None:
            return tz.fromutc(cls(*fields, us, tz))
        _utc_fields(seconds - 86400)  # CPython probes a day back for a fold
        return cls(*fields, us)

    @classmethod
    def utcfromtimestamp(cls, t):
        seconds, us = _split_timestamp(t, True)
        return cls(*_utc_fields(seconds), us)

    @classmethod
    def combine(cls, date_value, time_value, tzinfo=_UNSET):
        if not isinstance(date_value, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _arg_type(date_value))
        if not isinstance(time_value, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _arg_type(time_value))
        if tzinfo is _UNSET:
            tzinfo = time_value.tzinfo
        return cls(date_value.year, date_value.month, date_value.day, time_value.hour,
                   time_value.minute, time_value.second, time_value.microsecond, tzinfo,
                   fold=time_value.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        parsed = _parse_iso_datetime(date_string)
        if parsed is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        year, month, day, hour, minute, second, microsecond, tz = parsed
        return cls(year, month, day, hour, minute, second, microsecond, _iso_timezone(tz))

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _local_us(self):
        """Microseconds since 0001-01-01 00:00 (local fields, offset ignored)."""
        seconds = (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                   + self._second)
        return seconds * _US_PER_SECOND + self._microsecond

    def _from_total_us(self, total, tz):
        days, us = divmod(total, _US_PER_DAY)
        if not 1 <= days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        seconds, us = divmod(us, _US_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return type(self)(*_ordinal_to_ymd(days), hour, minute, second, us, tz)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.utcoffset(self), "utcoffset")

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset(self._tzinfo.dst(self), "dst")

    def tzname(self):
        return _call_tzname(self._tzinfo, self)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _timemod.struct_time((self._year, self._month, self._day, self._hour,
                                     self._minute, self._second, self.weekday(),
                                     self._yday(), flag))

    def utctimetuple(self):
        moment = self
        offset = self.utcoffset()
        if offset:
            moment = self._from_total_us(self._local_us() - offset._total_us(), None)
        return _timemod.struct_time((moment._year, moment._month, moment._day, moment._hour,
                                     moment._minute, moment._second, moment.weekday(),
                                     moment._yday(), 0))

    def timestamp(self):
        offset = self.utcoffset()
        if offset is not None:
            return (self._local_us() - offset._total_us()
                    - _EPOCH_ORDINAL * _US_PER_DAY) / _US_PER_SECOND
        seconds = self._local_us() // _US_PER_SECOND - _EPOCH_ORDINAL * 86400
        # CPython probes a day before (fold=0) or after (fold=1) for a fold.
        _utc_fields(seconds + (86400 if self._fold else -86400))
        return float(seconds) + self._microsecond / 1e6

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone(timedelta(0), "UTC")
        elif not isinstance(tz, tzinfo):
            _check_tzinfo(tz)
        offset = self.utcoffset()
        if offset is None:
            offset = timedelta(0)  # naive means local time, which is UTC here
        elif tz is self._tzinfo:
            return self
        utc = self._from_total_us(self._local_us() - offset._total_us(), tz)
        return tz.fromutc(utc)

    def ctime(self):
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_NAMES[self.weekday()], _MONTH_NAMES[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, fmt):
        return _strftime(self, fmt, self.timetuple(), self._microsecond)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _arg_type(sep))
        _check_str_arg(timespec, "isoformat", 2)
        text = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
        text += _format_time(self._hour, self._minute, self._second, self._microsecond,
                             timespec)
        return text + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        if not self._microsecond:
            fields.pop()
            if not self._second:
                fields.pop()
        text = ", ".join(["%d" % f for f in fields])
        if self._fold:
            text += ", fold=1"
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return "%s(%s)" % (_tp_name(self), text)

    def replace(self, year=_UNSET, month=_UNSET, day=_UNSET, hour=_UNSET, minute=_UNSET,
                second=_UNSET, microsecond=_UNSET, tzinfo=_UNSET, *, fold=_UNSET):
        given = (year, month, day, hour, minute, second, microsecond, tzinfo)
        current = (self._year, self._month, self._day, self._hour, self._minute,
                   self._second, self._microsecond, self._tzinfo)
        values = [c if g is _UNSET else g for g, c in zip(given, current)]
        return type(self)(*values, fold=self._fold if fold is _UNSET else fold)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._from_total_us(self._local_us() + other._total_us(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._from_total_us(self._local_us() - other._total_us(), self._tzinfo)
        if not isinstance(other, datetime):
            return NotImplemented
        pair = _utc_pair(self, self._local_us(), other, other._local_us())
        if pair is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return _delta(pair[0] - pair[1])

    def _compare(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                if op in ("==", "!="):
                    return 1
                raise TypeError("can't compare %s to %s" % (_tp_name(self), _tp_name(other)))
            return None
        return _compare_moments(self, self._local_us(), other, other._local_us(), op,
                                "datetimes")

    def __hash__(self):
        total = self._local_us()
        offset = self.utcoffset()
        if offset is not None:
            total -= offset._total_us()
        return hash(total)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# ISO 8601 parsing, following CPython's C parser (including what it lets through)


def _char(text, i):
    """text[i], or '' past the end (where C reads the terminating NUL)."""
    return text[i] if 0 <= i < len(text) else ""


def _digits(text, pos, count):
    """The number in text[pos:pos+count] if it is all ASCII digits, else None."""
    if count < 0 or pos + count > len(text):
        return None
    value = 0
    for ch in text[pos:pos + count]:
        if not "0" <= ch <= "9":
            return None
        value = value * 10 + ord(ch) - 48
    return value


def _parse_iso_date(text, length):
    """(year, month, day) from text's first `length` characters, or None."""
    year = _digits(text, 0, 4)
    if year is None:
        return None
    dashed = _char(text, 4) == "-"
    pos = 5 if dashed else 4
    if _char(text, pos) == "W":
        week = _digits(text, pos + 1, 2)
        if week is None:
            return None
        pos += 3
        day = 1
        if pos < length:
            if dashed:
                if _char(text, pos) != "-":
                    return None
                pos += 1
            day = _digits(text, pos, 1)
            if day is None:
                return None
        ordinal = _iso_to_ordinal(year, week, day)
        return None if ordinal < 0 else _ordinal_to_ymd(ordinal)
    month = _digits(text, pos, 2)
    if month is None:
        return None
    pos += 2
    if dashed:
        if _char(text, pos) != "-":
            return None
        pos += 1
    day = _digits(text, pos, 2)
    if day is None:
        return None
    return year, month, day


def _parse_hh_mm_ss_ff(text, start, end):
    """([hour, minute, second, microsecond], status) of text[start:end]:
    status 0 ok, 1 ok but text goes on, None malformed."""
    fields = [0, 0, 0, 0]
    pos = start
    colons = True
    for i in range(3):
        value = _digits(text, pos, 2)
        if value is None:
            return fields, None
        fields[i] = value
        ch = _char(text, pos + 2)
        pos += 3
        if i == 0:
            colons = ch == ":"
        if pos >= end:
            return fields, int(ch != "")
        if colons and ch == ":":
            continue
        if ch in (".", ","):
            break
        if colons:
            return fields, None
        pos -= 1
    count = min(end - pos, 6)
    value = _digits(text, pos, count)
    if value is None or count <= 0:
        return fields, None
    fields[3] = value * 10 ** (6 - count)
    pos += count
    while "0" <= _char(text, pos) <= "9":
        pos += 1
    return fields, int(_char(text, pos) != "")


def _parse_iso_time(text, start):
    """(hour, minute, second, microsecond, tz) of text[start:], or None.
    tz is None (naive) or (offset seconds, offset microseconds)."""
    end = len(text)
    tz_pos = start
    while tz_pos < end and text[tz_pos] not in "Z+-":
        tz_pos += 1
    fields, status = _parse_hh_mm_ss_ff(text, start, tz_pos)
    if status is None:
        return None
    if tz_pos == end:
        return None if status else tuple(fields) + (None,)
    if text[tz_pos] == "Z":
        return None if tz_pos + 1 != end else tuple(fields) + ((0, 0),)
    sign = -1 if text[tz_pos] == "-" else 1
    tz_fields, status = _parse_hh_mm_ss_ff(text, tz_pos + 1, end)
    if status != 0:
        return None
    seconds = sign * (tz_fields[0] * 3600 + tz_fields[1] * 60 + tz_fields[2])
    return tuple(fields) + ((seconds, sign * tz_fields[3]),)


def _iso_timezone(tz):
    if tz is None:
        return None
    seconds, microseconds = tz
    if seconds == 0:
        return _UTC
    return timezone(timedelta(seconds=seconds, microseconds=microseconds))


def _iso_separator(text):
    """Where the date part of a datetime string ends, or -1."""
    if len(text) == 7:
        return 7
    if text[4] == "-":
        if text[5] != "W":
            return 10
        if len(text) > 8 and text[8] == "-":
            if len(text) == 9:
                return -1
            if len(text) > 10 and "0" <= text[10] <= "9":
                return 8
            return 10
        return 8
    if text[4] == "W":
        idx = 7
        while idx < len(text) and "0" <= text[idx] <= "9":
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def _parse_iso_datetime(text):
    """(year, month, day, hour, minute, second, microsecond, tz) or None."""
    if len(text) < 7:
        return None
    separator = _iso_separator(text)
    if separator < 0:
        return None
    ymd = _parse_iso_date(text, separator)
    if ymd is None:
        return None
    if len(text) <= separator:
        return tuple(ymd) + (0, 0, 0, 0, None)
    parsed = _parse_iso_time(text, separator + 1)
    if parsed is None:
        return None
    return tuple(ymd) + parsed
