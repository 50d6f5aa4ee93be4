"""Writes number_cases.txt (run with CPython 3.11).

Fields: operation, outcome, arguments. Floats are written as their bits
(see tablefmt.py), ints in decimal, texts escaped.
"""
import math
import random
import struct

from tablefmt import esc, fbits, outcome, write

rng = random.Random(31337)
rows = []


def add(op, fn, *args):
    shown = [fbits(a) if isinstance(a, float) else esc(a) if isinstance(a, str) else str(a)
             for a in args]
    rows.append([op, esc(outcome(fn, *args))] + shown)


def random_double():
    pick = rng.random()
    if pick < 0.25:
        return struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
    if pick < 0.6:
        return round(rng.uniform(-1e4, 1e4), rng.randint(0, 5))
    if pick < 0.8:
        return rng.randint(-100, 100) + rng.choice([0.5, 0.25, 0.125, 0.0, 0.1, 0.05])
    return rng.uniform(-1, 1) * 10.0 ** rng.randint(-30, 30)


INT_TEXTS = [
    " 12 ", "+1_000", "1__0", "_1", "1_", "0x1f", "0x_1f", "0_x1f", "010", "000", "0_0", "0o17",
    "0b101", "0b", "1f", "0X1F", "0o17", "z", "Z", "١٢٣", "  ", "", "-", "- 1", "\u20031\u2003",
    "1\x1c", "abc", "a'b", "9", "0x", "0b1", "0B1", "1e5", "0_7", "-0", "+0x10", "  -12_345  ",
    "0x__1", "0x1_", "12\n", "\t\n12\x0c", "1" * 4301, "1" * 4300, "1" * 5000 + "x", "x" * 300,
    "1" * 5000 + "__1", "0" * 5000, "é" * 300, "7" * 30, "-" + "9" * 40, "0o", "0O7", "1 2",
    "١f", "\x85 5", "12\x00",
]
BASES = [10, 0, 2, 8, 16, 36, 1, 37, -1, 3]
for text in INT_TEXTS:
    for base in BASES if len(text) < 100 else [10, 16]:
        # Long results keep their last nine digits.
        add("parse_int", lambda t, b: str(int(t, b) % 10**9 if len(t) > 100 else int(t, b)),
            text, base)

FLOAT_TEXTS = [
    "1.5", " 1.5\n", "1_0.5", "1__0", "1_", "_1", "inf", "-Infinity", "+nan", "-nan", "NaN",
    "iNF", "infinit", "1e5", "1e1_0", "1E+5", ".5", "5.", ".", "e5", "1e", "1e+", "0x10", "",
    "  ", "x", "1.5.5", "١.٥", "1_000.000_1", "1._5", "1_.5", "1e_5", "infinity ", "  -inf  ",
    "1" * 400, "1e400", "-1e400", "1e-400", "0.1e-1_0", "nan(1)", "in f", "+-1", "1.0\x00",
    "\x1c1.5", "0.1", "2.675", "-0", "-0.0", "+.5e-3", "1e-324", "2.4703282292062328e-324",
    "2.4703282292062327e-324", "1.7976931348623157e308", "1.7976931348623159e308",
    "123456789012345678901234567890", "0.000000000000000000000000000001", "\u30001\u3000",
    "9007199254740993", "1.00000000000000011102230246251565404236316680908203125",
]
for text in FLOAT_TEXTS:
    add("parse_float", lambda t: fbits(float(t)), text)

FLOATS = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 2.675, 1.005, 123.456, -123.456, 1e300, 1.7e308,
          5e-324, 1e-300, 0.125, 0.375, float("inf"), float("-inf"), float("nan"), 1e16, 1e22,
          4.5, 0.045, 0.0045, 1234.5678, 99.995] + [random_double() for _ in range(150)]
NDIGITS = [0, 1, 2, 3, -1, -2, 5, 10, 17, 20, -308, -309, 323, 324, 400, -400]
for x in FLOATS:
    for n in rng.sample(NDIGITS, 5) + [0, 2]:
        add("float_round", lambda x, n: fbits(round(x, n)), x, n)
    add("round_half_even", lambda x: fbits(float(round(x))) if math.isfinite(x) else fbits(x), x)
    add("float_to_int", lambda x: str(int(x)), x)
    add("as_integer_ratio", lambda x: "%d/%d" % x.as_integer_ratio(), x)
    add("is_integer", lambda x: str(x.is_integer()), x)

DIVISORS = [1.0, -1.0, 3.0, -3.0, 0.1, -0.7, 1e-308, 1e308, float("inf"), float("-inf"), 2.5, 7.0]
for x in FLOATS[:60]:
    for y in rng.sample(DIVISORS, 4):
        add("divmod", lambda x, y: "%s %s" % tuple(fbits(v) for v in divmod(x, y)), x, y)
        add("fmod", lambda x, y: fbits(x % y), x, y)
        add("floordiv", lambda x, y: fbits(x // y), x, y)

INTS = [0, 1, -1, 7, 10, -10, 2**53, 2**53 + 1, 2**54 + 3, -(2**60) - 1, 10**20, 10**22 + 1,
        2**1023, 2**1024, 2**1024 - 2**970, 2**1024 - 2**970 - 1, -(2**1024), 10**308, 10**309,
        3**500, 12345678901234567890123, 2**64 - 1]
for n in INTS:
    add("int_to_f64", lambda n: fbits(float(n)), n)
    for radix in [2, 8, 16]:
        add("prefixed", lambda n, r: {2: bin, 8: oct, 16: hex}[r](n), n, radix)
for _ in range(150):
    bits = rng.choice([10, 53, 54, 60, 100, 300, 1030, 1100])
    n = rng.getrandbits(bits) * rng.choice([1, -1])
    add("int_to_f64", lambda n: fbits(float(n)), n)

PAIRS = [(1, 3), (2, 3), (-1, 3), (0, -5), (0, -10**30), (10**400, 1), (1, 10**400), (-1, 10**400),
         (-10**400, 10**390), (10**30, 7), (2**1100, 2**100 + 1), (1, 2**1074), (1, 2**1075),
         (3, 2**1076), (2**53 + 1, 1), (2**54 + 2, 2), (7, 0), (10**309, 10), (10**309, 1)]
for _ in range(200):
    a = rng.getrandbits(rng.choice([20, 60, 200, 1100])) * rng.choice([1, -1])
    b = rng.getrandbits(rng.choice([20, 60, 200, 1100])) + 1
    PAIRS.append((a, b))
for a, b in PAIRS:
    add("int_true_div", lambda a, b: fbits(a / b), a, b)

# The argument is in hex: these ints are too long for str().
for n in [0, -5, 10**4299, 10**4300 - 1, 10**4300, -(10**4300), -(10**4300 - 1), 2**14300, 2**20000]:
    result = outcome(lambda: "len %d" % len(str(n)))
    rows.append(["int_to_decimal", esc(result), "%x" % n])

write("number_cases.txt", "operation, outcome, arguments", rows)
