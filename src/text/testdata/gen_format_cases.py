"""Writes float_repr.txt and format_cases.txt (run with CPython 3.11).

float_repr.txt: bits, repr(x).
format_cases.txt: kind (i/f/s), value, spec, outcome of format(value, spec).
"""
import random
import struct

from tablefmt import esc, fbits, outcome, write

rng = random.Random(20240611)


def random_double():
    pick = rng.random()
    if pick < 0.3:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if pick < 0.55:
        return round(rng.uniform(-1e6, 1e6), rng.randint(0, 6))
    if pick < 0.7:
        return rng.randint(-10**6, 10**6) / 10 ** rng.randint(0, 20)
    if pick < 0.85:
        return rng.uniform(0, 1) * 10.0 ** rng.randint(-30, 30)
    return sum(0.1 for _ in range(rng.randint(1, 30))) * rng.choice([1, -1, 3, 1e10])


SPECIAL_FLOATS = [
    0.0, -0.0, float("inf"), float("-inf"), float("nan"), -float("nan"), 1.0, -1.0, 0.1, 0.2, 0.3,
    2.675, 0.5, 1.5, 2.5, -0.5, 1e16, 1e15, 9999999999999998.0, 1e17, 1e-4, 1e-5, 1e-7,
    123456789012345.0, 1234567890123456.0, 12345678901234567.0, 5e-324, 2.2250738585072014e-308,
    1.7976931348623157e308, 1e22, 1e23, 1e300, 9.995, 0.125, -1234.5678, 0.0001, 12345.6789,
    99.99, 0.999999, 100.0, 1e100, 3.14159, 2 / 3, 1 / 3, 0.30000000000000004, 1234.5,
    1234567.5, 0.05, 0.005, 0.015, 0.025, 1.005, 0.45, 123.456, 65.0, 4.35, 8.675,
]

rows = [(fbits(x), esc(repr(x))) for x in SPECIAL_FLOATS]
rows += [(fbits(x), esc(repr(x))) for x in (random_double() for _ in range(2500))]
write("float_repr.txt", "float bits, repr(x)", rows)

FLOAT_SPECS = [
    "", ".0", ".1", ".3", ".10", ".17", ".20", "f", ".0f", ".1f", ".2f", ".3f", ".10f", ".30f",
    "e", ".0e", ".2e", ".10e", "E", "g", ".0g", ".1g", ".2g", ".5g", ".17g", "G", "%", ".1%",
    ".0%", "n", ".3n", "F", "#", "#.0", "#.3", "#f", "#.0f", "#e", "#.0e", "#g", "#.3g", "#.0g",
    "+", " ", "-", "+.2f", " .2f", "z", "z.1f", "z.0f", "z.2e", "z.3g", "+z.1f", ",", "_", ",.2f",
    "_.3f", ",e", ",g", ",%", "10", "<10", ">10", "^10", "=10", "010", "010.2f", "+010.2f",
    "*^12.3f", "0<10", "x>12,.1f", "012,.2f", "020,", "015_", "=+12.2e", "#010.0f", "^+11",
    "d", "x", "s", "c", "10.2.3", "..", ".", ",_", "__", "€^9.2f", "\u0661\u0660.2f",
]
INT_SPECS = [
    "", "d", "n", "b", "o", "x", "X", "c", "#b", "#o", "#x", "#X", ",", "_", ",d", "_d", "_b",
    "_o", "_x", "#_x", "#_b", ",x", ",b", ",o", ",c", ",n", "_n", "+", " ", "-", "+d", " d",
    "+x", "#010x", "010", "012,", "0=10,", "x=10,", "^10", "<10", ">10", "=10", "*^10", "010c",
    "=10c", "^010c", "c", "+c", "#c", ".2", ".2d", "z", "zd", "e", "f", ".2f", "g", "%", "E",
    ",.2f", "G", "s", "q", "\x00", " ", "  ", "00", "0", "-0", "+z#0,.3f", "é<5", "99999999999999999999",
    ".99999999999999999999", "10.2.3", ",,", "_,", ",_", "=^", "<<<", "+-", "0x", "#.3f",
]
STR_SPECS = [
    "", "s", "10", "<10", ">10", "^10", "^9", "*^9", "0>5", "05", "010s", ".1", ".0", ".3s",
    "10.3", "€<6", "=10", "0=5", "+", "-", " ", "#", "z", ",", "_", ",s", "d", ".3d", "+d",
    "#=", "z=", "<0=5", "x", "é<5",
]
INTS = [0, 1, -1, 7, 42, -42, 255, -255, 1234, -1234, 1234567, -1234567, 65, 0x10FFFF, 0x110000,
        10**20, -10**20, 2**53 + 1, 2**63, 10**30, 10**400]
STRS = ["", "a", "ab", "hello", "héllo", "日本語", "tab\tx", "a'b\"c"]


def fmt_case(kind, value, spec):
    text_value = {"i": str, "f": fbits, "s": esc}[kind](value)
    return (kind, text_value, esc(spec), esc(outcome(format, value, spec)))


def random_spec():
    parts = []
    if rng.random() < 0.3:
        if rng.random() < 0.5:
            parts.append(rng.choice(" *0x€_,.#"))
        parts.append(rng.choice("<>^="))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice(",_"))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randint(0, 20)))
    if rng.random() < 0.7:
        parts.append(rng.choice("bcdeEfFgGnosxX%") if rng.random() < 0.9 else rng.choice("aqz.,"))
    if rng.random() < 0.03:
        parts.append(rng.choice(["x", "..", "1"]))
    return "".join(parts)


rows = []
for x in SPECIAL_FLOATS:
    for spec in FLOAT_SPECS:
        rows.append(fmt_case("f", x, spec))
for n in INTS:
    for spec in INT_SPECS:
        rows.append(fmt_case("i", n, spec))
for s in STRS:
    for spec in STR_SPECS:
        rows.append(fmt_case("s", s, spec))
for _ in range(1500):
    rows.append(fmt_case("f", rng.choice([random_double(), rng.choice(SPECIAL_FLOATS)]), random_spec()))
for _ in range(700):
    n = rng.choice([rng.randint(-10**6, 10**6), rng.randint(-10**25, 10**25), rng.choice(INTS)])
    rows.append(fmt_case("i", n, random_spec()))
for _ in range(300):
    rows.append(fmt_case("s", rng.choice(STRS), random_spec()))
write("format_cases.txt", "kind (i/f/s), value, spec, outcome of format(value, spec)", rows)
