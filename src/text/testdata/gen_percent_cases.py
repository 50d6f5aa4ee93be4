"""Writes percent_cases.txt (run with CPython 3.11).

Fields: format, outcome of `format % operand`, operand kind (tuple, single,
dict), then the values; a dict lists key, value, key, value. A value is
`i:<int>`, `f:<float bits>`, `s:<text>`, `b:0/1` (bool) or `n:` (None).
"""
import random

from tablefmt import esc, fbits, outcome, write

rng = random.Random(7)


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:" + fbits(v)
    return "s:" + esc(v)


def case(fmt, operand):
    result = outcome(lambda: fmt % operand)
    if isinstance(operand, tuple):
        fields = ["tuple"] + [enc(v) for v in operand]
    elif isinstance(operand, dict):
        fields = ["dict"] + [x for k, v in operand.items() for x in (esc(k), enc(v))]
    else:
        fields = ["single", enc(operand)]
    return [esc(fmt), esc(result)] + fields


FIXED = [
    ("%y", ()), ("%y", 1), ("%s %", ("a",)), ("%s %", ()), ("%", ()), ("%(a", {"a": 1}),
    ("%(a)s", 5), ("%(a)s %s", {"a": 1}), ("abc", 5), ("abc", ()), ("abc", {}), ("abc", "x"),
    ("%s", "x"), ("%5%", ()), ("%-5%", ()), ("%(a)%", {}), ("%*d", (-5, 3)), ("%.*f", (-1, 1.5)),
    ("%*d", ("a", 3)), ("%*d", (1.5, 3)), ("%.*d", (2, 3)), ("%05s", "ab"), ("%-05d", 5),
    ("%+.3d", 5), ("%.3x", -255), ("%#.5x", 255), ("%#o", 8), ("%#X", 255), ("%x", 3.0),
    ("%d", 3.7), ("%d", "3"), ("%f", "3"), ("%c", "ab"), ("%c", 1.5), ("%c", -1), ("%c", 65),
    ("%c", "é"), ("%e", 1.0), ("%g", 1e-5), ("%#g", 1.0), ("%#.0f", 1.0), ("%.0e", 12345.0),
    ("%10.3s", "abcdef"), ("%-10s|", "ab"), ("% d", 5), ("% d", -5), ("%+d", 0), ("%i", True),
    ("%u", -3), ("%r", "a"), ("%a", "é"), ("%5.1f%%", 12.34), ("%d%%", 5), ("%.2f", float("nan")),
    ("%05.1f", float("-inf")), ("%x", True), ("%o", -8), ("%#x", 0), ("%c", 0x110000),
    ("%.50f", 1.0), ("%d", 10**30), ("%-#10x|", 255), ("%#-10o|", 8), ("% #x", 255), ("%+x", 255),
    ("%0+10.2f", -3.14159), ("%F", float("inf")), ("%E", 1e10), ("%G", 1e-10),
    ("%*.*f", (8, 2, 3.14159)), ("%.f", 1.5), ("%5.f", 2.5), ("%.d", 5), ("%*s", (3, "a")),
    ("%-*s|", (3, "a")), ("%d", 1e20), ("%ld", 5), ("%hd", 5), ("%Ld", 5), ("%lf", 1.5),
    ("%(a)5.2f", {"a": 1.5}), ("%(a)*d", {"a": 1}), ("%(a)s%(b)s", {"a": 1}), ("%z", 1),
    ("%é", 1), ("%#5.3s", "abcd"), ("%.1x", 1.5), ("%5%", (1,)), ("%(a)%", {"a": 1}),
    ("%.*f", (-5, 1.5)), ("%*.*f", (-8, -2, 3.14159)), ("% %", (1,)), ("%\x7f", 1), ("%\x1f", 1),
    ("% ", 1), ("%\x00", 1), ("%5.2s", ("abc",)), ("%10c", 65), ("%-3c|", 65), ("%05c", 65),
    ("%*c", (3, 65)), ("%x", 10**30), ("%.0s", "abc"), ("%5d", -42), ("%05d", -42),
    ("%-+5d", 42), ("%+05x", 255), ("%#05x", 255), ("%.3e", 0.0), ("%10.4g", 123456.0),
    ("%-10.2e|", -1.5), ("%05.1f", float("nan")), ("%+f", float("nan")), ("%+f", float("inf")),
    ("% f", float("inf")), ("%o", 0), ("%#o", 0), ("%.0f", 0.5), ("%.2f", 2.675), ("%s", None),
    ("%(x)s", {"x": None}), ("%(x)s %(x)r", {"x": "a"}), ("%((a))s", {"(a)": 1}), ("%(a)", {"a": 1}),
    ("%(a)5", {"a": 1}), ("%0*d", (5, 3)), ("%-*d|", (-5, 3)), ("%*d", (10**20, 3)),
    ("%.*d", (10**20, 3)), ("%.*s", (-1, "abc")), ("%99999999999999999999d", 1),
    ("%.99999999999999999999d", 1), ("%.3000000000d", 1), ("%.0c", 65), ("%.0r", "a"),
    ("%u", "x"), ("%X", None), ("%e", None), ("%c", None), ("%c", ""), ("%*d", (None, 1)),
    ("%hld", 1), ("%#.3o", 8), ("%.3g", 0.0001234), ("%#.3g", 1.0), ("%-8.3f|", -0.0),
    ("%+.0f", -0.4), ("%s %s", ("a",)), ("%s", ()), ("%(a)s", ()), ("%(a)s", {"a": 1, "b": 2}),
    ("%s %d", ("a", "b")), ("%c", 10**30), ("%e", 10**400), ("%d", float("inf")),
    ("%d", float("nan")), ("Took %.2f seconds", 3.0049999), ("%s: %d items (%.1f%%)", ("x", 3, 42.25)),
    ("%-10s|%10s|", ("left", "right")), ("%(name)s is %(age)d", {"name": "Ann", "age": 31}),
    ("%s", "日本"), ("%5s|", "日本"), ("%r", "it's"), ("%a", "日\n"), ("%.2s", "日本語"),
]

rows = [case(f, a) for f, a in FIXED]

VALUES = [0, 1, -1, 42, -42, 255, 65, 10**20, -10**20, 0.0, -0.0, 1.5, -2.5, 3.14159, 1e-7,
          1e16, 123456.789, 2.675, float("inf"), float("nan"), "", "abc", "héllo", True, None]


def random_spec():
    parts = ["%"]
    if rng.random() < 0.4:
        parts.append("".join(rng.choice("-+ #0") for _ in range(rng.randint(1, 3))))
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 15)))
    if rng.random() < 0.4:
        parts.append("." + str(rng.randint(0, 12)))
    parts.append(rng.choice("sdiuxXoeEfFgGcr") if rng.random() < 0.95 else rng.choice("ay%q"))
    return "".join(parts)


NUMBERS = [v for v in VALUES if isinstance(v, (int, float))]
INTS = [v for v in VALUES if isinstance(v, int)]


def fitting_value(spec):
    conversion = spec[-1]
    if rng.random() < 0.15 or conversion in "sra":
        return rng.choice(VALUES)
    if conversion in "xXoc":
        return rng.choice(INTS) if conversion != "c" else rng.choice([65, 0x263A, "z", 0x10FFFF])
    return rng.choice(NUMBERS)


for _ in range(1500):
    specs = [random_spec() for _ in range(rng.randint(1, 3))]
    args = [fitting_value(spec) for spec in specs]
    extra = rng.random()
    if extra < 0.05:
        args.pop()
    elif extra < 0.1:
        args.append(1)
    rows.append(case(" ".join(specs), tuple(args)))
write("percent_cases.txt", "format, outcome, operand kind, values", rows)
