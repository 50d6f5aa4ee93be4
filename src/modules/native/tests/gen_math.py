"""Writes data/math.txt: CPython 3.11 `math` results for kairos's tests.

Each line is `FUNC ARG... => RESULT`. Ints are written `i<digits>`, floats by
repr, lists as `[a,b,...]`, tuples as `(a,b)`; errors as `!Type: message`.

Regenerate from this folder: `python3 gen_math.py > data/math.txt`.
"""
import math, random, sys

rng = random.Random(20240611)

def enc(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"i{v}"
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, tuple):
        return "(" + ",".join(enc(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ",".join(enc(x) for x in v) + "]"
    raise TypeError(v)

lines = []
def case(name, fn, *args):
    try:
        res = enc(fn(*args))
    except Exception as e:
        res = f"!{type(e).__name__}: {e}"
    lines.append(f"{name} {' '.join(enc(a) for a in args)} => {res}".replace("  ", " "))

inf, nan = float("inf"), float("nan")
SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 10.0, 100.0, 1000.0, 1e-300, 5e-324, -5e-324,
           1e300, -1e300, inf, -inf, nan, 0.1, 0.7, 1.5, 2.5, -2.5, 709.78, 710.0, -710.0, 171.5,
           171.7, 200.5, -200.5, -199.5, 1e-20, 1e-21, -1e-21, 23.0, 24.0, -3.0, 0.25, 1.0000001,
           0.9999999, -0.9999999, 5.5, 5.49, 140.5, -140.5, -0.1, 1e16, -1e16, 3.5, -4.5, 4.5,
           0.4, -0.4, 2.0**-1022, 1.7976931348623157e308]
RANDOM = ([rng.uniform(-10, 10) for _ in range(25)]
          + [rng.choice([-1, 1]) * 10 ** rng.uniform(-30, 30) for _ in range(20)]
          + [rng.uniform(-200, 200) for _ in range(25)]
          + [rng.uniform(0, 1) for _ in range(10)])
VALUES = SPECIAL + RANDOM

UNARY = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf", "erfc",
         "exp", "exp2", "expm1", "fabs", "gamma", "lgamma", "log1p", "sin", "sinh", "sqrt", "tan",
         "tanh"]
for name in UNARY:
    for x in VALUES:
        case(name, getattr(math, name), x)

PAIRS = [(x, y) for x in SPECIAL[:22] for y in SPECIAL[:22]]
PAIRS += [(rng.uniform(-50, 50), rng.uniform(-50, 50)) for _ in range(40)]
PAIRS += [(rng.uniform(0, 3), rng.uniform(-700, 700)) for _ in range(30)]
for name in ["atan2", "copysign", "remainder", "fmod", "pow", "nextafter"]:
    for x, y in PAIRS:
        case(name, getattr(math, name), x, y)

for x in VALUES:
    case("ulp", math.ulp, x)
    case("degrees", math.degrees, x)
    case("radians", math.radians, x)
    case("frexp", math.frexp, x)
    case("modf", math.modf, x)
    case("floor", math.floor, x)
    case("ceil", math.ceil, x)
    case("trunc", math.trunc, x)
    case("hash", hash, x) if x == x else None
    case("log", math.log, x)
    case("log2", math.log2, x)
    case("log10", math.log10, x)
for x in [0.0, -0.0, 1.0, 3.5, -2.0, inf, nan, 1e-300, 5e-324, 1e300]:
    for i in [0, 1, -1, 10, 1000, -1000, 1023, 1024, -1074, -1075, -1080, 2000, -2000, 2**31, -2**31,
              2**31 - 1, 2**70, -2**70]:
        case("ldexp", math.ldexp, x, i)
INTS = [1, 2, 3, 7, 10, 1000, 2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**64 + 1, 10**22, 10**23,
        2**1023 * 3, 2**1024 - 1, 2**1024 - 2**970, 2**1024 - 2**971, 2**1024 - 2**970 - 1, 2**1024,
        10**400, 3**1000, 2**5000, 0, -1, -(10**400), 2**1023 + 2**969, 2**1023 + 2**970 + 1]
for n in INTS:
    case("float", float, n)
    case("log", math.log, n)
    case("log2", math.log2, n)
    case("log10", math.log10, n)
    if n.bit_length() < 1100:
        for b in [2, 10, 0.5, 1, 1.0, 0, 7.25, 10**300, 2**1500]:
            case("log", math.log, n, b)
for x in [8.0, 100.0, 0.001, 2.5, -1.0, 0.0, inf]:
    for b in [2.0, 10, 1.0, 0.5, inf, -2.0]:
        case("log", math.log, x, b)
for n in list(range(0, 30)) + [100, 170, 171, 500, -1, -5, 2**63, 2**64]:
    case("factorial", math.factorial, n)
for n in [0, 1, 5, 10, 30, 67, 68, 100, 2**64, 2**64 + 5, -1, 2**70]:
    for k in [0, 1, 2, 3, 5, 10, 34, 67, 100, -1, 2**64, 2**64 - 3, 2**69 - 1]:
        case("comb", math.comb, n, k)
        case("perm", math.perm, n, k)
    case("perm", math.perm, n) if n < 2**70 else None
for args in [(), (0,), (-12,), (12, 18), (12, -18), (0, 0), (0, 5), (2**100, 2**60 * 3), (6, 10, 15),
             (-4, 6, -8), (7, 0, 3), (2**80 + 1, 3**50)]:
    case("gcd", lambda *a: math.gcd(*a), *args) if args else lines.append("gcd => i0")
    case("lcm", lambda *a: math.lcm(*a), *args) if args else lines.append("lcm => i1")
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 2**64 - 1, 2**64, 10**40, 10**41 + 7, -1, 2**127]:
    case("isqrt", math.isqrt, n)
for args in [[], [3.0], [3.0, 4.0], [-3.0, 4.0], [1e308, 1e308], [1e-308, 1e-308], [5e-324, 5e-324],
             [inf, nan], [nan, 1.0], [0.0, 0.0], [1.0, 1.0, 1.0], [2.0**-1050, 2.0**-1060]]:
    case("hypot", lambda *a: math.hypot(*a), *args) if args else lines.append("hypot => 0.0")
for _ in range(120):
    n = rng.randint(2, 6)
    scale = 10 ** rng.uniform(-300, 300)
    case("hypot", lambda *a: math.hypot(*a), *[rng.uniform(-1, 1) * scale for _ in range(n)])
for _ in range(40):
    n = rng.randint(1, 5)
    p = [rng.uniform(-100, 100) for _ in range(n)]
    q = [rng.uniform(-100, 100) for _ in range(n)]
    case("dist", math.dist, p, q)
case("dist", math.dist, [1.0], [1.0, 2.0])
FSUM = [[], [1.0], [0.1] * 10, [1e100, 1.0, -1e100], [1e308, 1e308, -1e308], [1e308, -1e308, 1e308],
        [inf, 1.0], [inf, -inf], [nan, 1.0], [inf, inf], [-0.0, -0.0], [1e-16, 1.0, 1e16],
        [2.0**53, -0.5, -2.0**-54]]
FSUM += [[rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20) for _ in range(rng.randint(2, 40))]
         for _ in range(60)]
for xs in FSUM:
    case("fsum", math.fsum, xs)
for a, b, rel, ab in [(1.0, 1.0 + 1e-10, 1e-9, 0.0), (1.0, 1.1, 1e-9, 0.0), (0.0, 1e-10, 1e-9, 1e-9),
                      (inf, inf, 1e-9, 0.0), (inf, -inf, 1e-9, 0.0), (nan, nan, 1e-9, 0.0),
                      (1.0, 2.0, -1.0, 0.0), (1.0, 2.0, 0.0, -1.0), (1.0, 2.0, 0.5, 0.0)]:
    case("isclose", lambda a, b, r, t: math.isclose(a, b, rel_tol=r, abs_tol=t), a, b, rel, ab)
for xs, start in [([], 1), ([2, 3, 4], 1), ([2, 3.5], 1), ([2**100, 2**100], 1), ([1.5, 2**2000], 1),
                  ([2**2000, 0.5], 1), ([], 2.5), ([3, 4], 0.5), ([10**400], 1.0)]:
    case("prod", lambda xs, s: math.prod(xs, start=s), xs, start)
sys.stdout.write("\n".join(lines) + "\n")
