"""Writes data/time.txt: CPython 3.11 (glibc, TZ=UTC) wall-clock views.

Fields are tab-separated and written with Python's unicode_escape codec.
Lines: `gmtime T => RESULT`, `localtime T => ...`, `ctime T => ...`,
`strftime SRC FMT => TEXT` where SRC is `g:T` (gmtime), `l:T` (localtime) or
`t:Y,M,D,h,m,s,wd,yd,dst` (a plain tuple), `dtstr T`, `dtiso T`, `utcstr T`, `datestr T`,
`dtftime T FMT`, `mktime TUPLE`, `asctime TUPLE`, `tuple TUPLE` (checks). Errors are
`!Type: message`.

Regenerate from this folder: `TZ=UTC python3 gen_time.py > data/time.txt`.
"""
import datetime, os, random, sys, time

assert os.environ.get("TZ") == "UTC", "run with TZ=UTC"
rng = random.Random(1970)

def esc(s):
    return s.encode("unicode_escape").decode("ascii")

def parts(st):
    return ",".join(str(v) for v in tuple(st)[:9])

lines = []
def case(*fields, fn):
    try:
        res = fn()
    except Exception as e:
        res = f"!{type(e).__name__}: {e}"
    lines.append("\t".join(esc(str(f)) for f in fields) + "\t=>\t" + esc(res))

TIMES = [0.0, 3.0, 3.5, -0.5, -1e-9, 1.9999999, 59.0, 86399.999, 86400.0, 951782400.0, 951868799.0,
         1e9, 1234567890.123456, 2**31 - 1.0, 2**31 + 0.0, 4102444800.0, 253402300799.0,
         253402300800.0, -62135596800.0, -62135596801.0, -1e11, -7e10, 6.7e16, -6.7e16, 6.8e16,
         -6.8e16, 1e18, 9.3e18, 2.0**63, -2.0**63, float("inf"), float("-inf"), float("nan"),
         1e-7, 0.0000005, 0.0000015, 0.0000025, -0.0000005, 1.0000005, 12.3456785, 0.9999995,
         0.99999949999, 1600000000.5]
TIMES += [rng.uniform(0, 4e9) for _ in range(60)] + [rng.uniform(-1.2e11, 1e12) for _ in range(40)]
for t in TIMES:
    case("gmtime", repr(t), fn=lambda: parts(time.gmtime(t)))
    case("localtime", repr(t), fn=lambda: parts(time.localtime(t)))
    case("ctime", repr(t), fn=lambda: time.ctime(t))
    case("dtstr", repr(t), fn=lambda: str(datetime.datetime.fromtimestamp(t)))
    case("dtiso", repr(t), fn=lambda: datetime.datetime.fromtimestamp(t).isoformat())
    case("utcstr", repr(t), fn=lambda: str(datetime.datetime.utcfromtimestamp(t)))
    case("datestr", repr(t), fn=lambda: str(datetime.date.fromtimestamp(t)))

FORMATS = ["%a %A %b %B %c %d %H %I %j %m %M %p %S %U %w %W %x %X %y %Y %Z %z %% %e %F %T %D %R %s",
           "%C %g %G %h %k %l %n %t %P %r %u %V", "", "plain text", "%", "abc%", "%q", "%5q", "%^5q",
           "%-5d", "%_5d", "%05e", "%10z", "%_5z", "%05z", "%-z", "%#Z", "%#p", "%^P", "%30c", "%^c",
           "%010D", "%Ey", "%EY", "%Oy", "%OY", "%E%", "%+5d", "%*d", "% d", "%é", "é%Yé", "%#a %#A %#b %#B %^a",
           "%^#p", "%-j %_j %-m %_m %-y", "%Ec %EC %Ex %EX %Oe %OH %Ob %OB"]
# Outputs near CPython's buffer limits (the limit counts characters).
WIDE_FORMATS = ["%2000d", "%1023d", "%1024d", "%1500d", "%5000d", "%10000000000d", "%3000déé",
                "%2040déé", "%2045dxx", "%2046dxx", "%3000c", "%_3000c"]
SOURCES = ["g:0.0", "l:0.0", "g:3.5", "l:951782400.0", "l:-7e10", "l:1234567890.123456",
           "l:-62135596801.0", "l:253402300800.0", "t:1970,1,1,0,0,0,3,1,-1",
           "t:1970,1,1,0,0,0,3,1,1", "t:5,3,1,13,5,9,2,60,0", "t:-101,12,31,23,59,61,6,366,0",
           "t:2024,0,0,12,0,0,0,0,0"]

def source(src):
    kind, value = src.split(":", 1)
    if kind == "g":
        return time.gmtime(float(value))
    if kind == "l":
        return time.localtime(float(value))
    return tuple(int(v) for v in value.split(","))

for fmt in FORMATS:
    for src in SOURCES:
        case("strftime", src, fmt, fn=lambda: time.strftime(fmt, source(src)))
for fmt in WIDE_FORMATS:
    for src in ["l:0.0", "t:-101,12,31,23,59,61,6,366,0"]:
        case("strftime", src, fmt, fn=lambda: time.strftime(fmt, source(src)))

ALPHABET = (["%"] * 12 + list("_-0^#") * 2 + list("123456789") + ["E", "O"] * 2
            + list("aAbBcCdDeFgGhHIjklmMnprRsStTuUVwWxXyYzZ%+qQ") * 2 + [" ", "x", "é", ":"])
for _ in range(3000):
    fmt = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 9)))
    src = rng.choice(SOURCES[:8] + [f"l:{rng.uniform(-1e11, 1e11)!r}"])
    case("strftime", src, fmt, fn=lambda: time.strftime(fmt, source(src)))

# ISO weeks around the turn of the year, including negative years: dates are
# taken in a 400-year cycle that datetime covers, then shifted by whole cycles.
for year in list(range(1995, 2031)) + [1, 4, 100, 400, -1, -4, -100, -101, -400, 9999]:
    for month, day in [(12, 25), (12, 28), (12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3),
                       (1, 4), (1, 5), (1, 7)]:
        y = year if month == 1 else year - 1
        cycles, rem = divmod(y - 2000, 400)
        start = datetime.date(2000 + rem, month, day)
        secs = ((start - datetime.date(1970, 1, 1)).days + cycles * 146097) * 86400.0
        fmt = "%Y-%m-%d %G %g %V %U %W %j %u %w %a"
        case("strftime", f"g:{secs!r}", fmt, fn=lambda: time.strftime(fmt, time.gmtime(secs)))

for t in [0.0, 3.5, 1234567890.123456, -62135596800.0, 0.0000015]:
    for fmt in ["%Y-%m-%d %H:%M:%S.%f", "%f%%f%z%Z%", "%c|%x|%X", "%%z %Z %", "%s %j"]:
        case("dtftime", repr(t), fmt,
             fn=lambda: datetime.datetime.fromtimestamp(t).strftime(fmt))

TUPLES = ["1970,1,1,0,0,0,3,1,0", "2024,13,1,0,0,0,0,1,0", "2024,1,32,0,0,0,0,1,0",
          "2024,1,1,24,0,0,0,1,0", "2024,1,1,0,60,0,0,1,0", "2024,1,1,0,0,62,0,1,0",
          "2024,1,1,0,0,61,-1,1,0", "2024,1,1,0,0,0,-2,1,0", "2024,1,1,0,0,0,0,367,0",
          "2024,1,1,0,0,0,0,-1,0", "2024,-1,1,0,0,0,0,1,0", "2024,1,-1,0,0,0,0,1,0",
          "2147483648,1,1,0,0,0,0,1,0", "2024,1,1,0,0,0,0,1,5", "2024,1,1,0,0,0,0,1,-7",
          "2024,0,0,0,0,0,13,0,0", "2024,2,30,25,0,0,0,1,0", "-2147481749,1,1,0,0,0,0,1,0",
          "-2147481748,1,1,0,0,0,0,1,0", "2024,1,1,0,0,0,0,1,-2147483649"]
for tup in TUPLES:
    fields = tuple(int(v) for v in tup.split(","))
    case("tuple", tup, fn=lambda: time.strftime("%Y %m %d %H %M %S %w %j %Z%z", fields))
    case("asctime", tup, fn=lambda: time.asctime(fields))
for tup in ["1970,1,2,0,0,0,0,0,1", "1970,1,2,0,0,0,0,0,-1", "1970,1,2,0,0,0,0,0,5",
            "2147483647,1,1,0,0,0,0,0,0", "-2147481748,1,1,0,0,0,0,0,0",
            "-2147481749,1,1,0,0,0,0,0,0", "2147483647,13,1,0,0,0,0,0,0", "1970,1,1,0,0,0,0,0,0", "2024,2,29,12,30,15,0,0,0", "2024,14,1,0,0,0,0,0,0",
            "2024,1,0,0,0,0,0,0,0", "2024,1,1,0,0,-1,0,0,0", "1,1,1,0,0,0,0,0,0",
            "-5000,1,1,0,0,0,0,0,0", "2024,-30,45,100,-7000,3,0,0,0"]:
    fields = tuple(int(v) for v in tup.split(","))
    case("mktime", tup, fn=lambda: repr(time.mktime(fields)))
sys.stdout.write("\n".join(lines) + "\n")
