"""Writes data/random.txt: CPython 3.11 random outputs for kairos's tests.

Format: `seed KIND VALUE` starts a generator; each op line is `OP ARGS => RESULT`
where RESULT is space-separated values or `!ErrorType: message`.

Regenerate from this folder: `python3 gen_random.py > data/random.txt`.
"""
import random, struct, sys

def fmt(v):
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(fmt(x) for x in v) + "]"
    if isinstance(v, bytes):
        return v.hex() or "-"
    return str(v)

def checksum(r, n):
    acc = 0
    for _ in range(n):
        bits = struct.unpack("<Q", struct.pack("<d", r.random()))[0]
        acc = (acc * 1000003 + bits) % 2**64
    return acc

OPS = [
    "random 5", "checksum 2000",
    "getrandbits 0", "getrandbits 1", "getrandbits 5", "getrandbits 31", "getrandbits 32",
    "getrandbits 33", "getrandbits 63", "getrandbits 64", "getrandbits 65", "getrandbits 100",
    "getrandbits 1000", "getrandbits -1",
    "randrange 10", "randrange 1", "randrange 0", "randrange -3", "randrange -5 17", "randrange 5 5",
    "randrange 0 100 7", "randrange 100 0 -3", "randrange 0 10 0", "randrange 10 0 2", "randrange 3 None 2",
    "randrange 1180591620717411303424", "randrange -36893488147419103232 36893488147419103232 3",
    "randrange 7 8", "randrange 1000000007", "randrange 4294967296", "randrange 4294967297",
    "randrange 18446744073709551615", "randrange 18446744073709551616", "randrange 18446744073709551617",
    "randint 1 6", "randint 1 6", "randint 1 6", "randint -100 100", "randint 5 4",
    "choice 7", "choice 1", "choice 0", "choice 100000",
    "shuffle 0", "shuffle 1", "shuffle 2", "shuffle 20", "shuffle 50",
    "sample 10 5", "sample 10 10", "sample 10 0", "sample 10 11", "sample 10 -1", "sample 30 6",
    "sample 100 10", "sample 1000 50", "sample 1000000 6", "sample 26 5", "sample 27 5", "sample 21 6",
    "sample 85 6", "sample 86 6", "sample 500 30", "sample 1100 100", "sample 1045 100",
    "samplecounts 4,2 5", "samplecounts 1,0,3,7 6", "samplecounts 0,0 1", "samplecounts 3,-1,4 3",
    "choices 5 10", "choices 0 0", "choices 3 -2", "choicesw 4 8 1,2,3,4", "choicesw 3 5 0.5,0,2.25",
    "choicescw 4 8 1,3,6,10", "choicesw 3 2 0,0,0", "choicesw 2 2 1,inf", "choicesw 2 2 1", "choicescw 0 1 -",
    "choicescw 4 6 5,1,7,3",
    "uniform 1.5 9.25", "uniform 10 -10", "triangular 0 1 None", "triangular 2 10 3", "triangular 5 5 5",
    "triangular 0 10 20", "triangular 1 1 None",
    "gauss 0 1", "gauss 0 1", "gauss 10 2.5", "normalvariate 0 1", "normalvariate 3 0.5",
    "gauss 0 1", "lognormvariate 0 0.25", "expovariate 1.5", "expovariate -2", "expovariate 0",
    "vonmisesvariate 1 0", "vonmisesvariate 1 4", "vonmisesvariate -2 0.5",
    "gammavariate 0.5 2", "gammavariate 1 3", "gammavariate 2.5 1.5", "gammavariate 0 1",
    "betavariate 2 3", "betavariate 0.3 0.7", "paretovariate 2.5", "paretovariate 0", "weibullvariate 1.5 2",
    "weibullvariate 2 0", "randbytes 0", "randbytes 1", "randbytes 9", "random 3",
]

def num(s):
    if s == "None":
        return None
    try:
        return int(s)
    except ValueError:
        return float(s)

def run(r, op):
    name, *args = op.split()
    if name == "random":
        return [r.random() for _ in range(int(args[0]))]
    if name == "checksum":
        return checksum(r, int(args[0]))
    if name == "getrandbits":
        return r.getrandbits(int(args[0]))
    if name == "randrange":
        a = [num(x) for x in args]
        if len(a) == 3 and a[1] is None:
            return r.randrange(a[0], None, a[2])
        return r.randrange(*a)
    if name == "randint":
        return r.randint(int(args[0]), int(args[1]))
    if name == "choice":
        return r.choice(range(int(args[0])))
    if name == "shuffle":
        x = list(range(int(args[0])))
        r.shuffle(x)
        return x
    if name == "sample":
        return r.sample(range(int(args[0])), int(args[1]))
    if name == "samplecounts":
        counts = [int(c) for c in args[0].split(",")]
        return r.sample(range(len(counts)), int(args[1]), counts=counts)
    if name == "choices":
        return r.choices(range(int(args[0])), k=int(args[1]))
    if name in ("choicesw", "choicescw"):
        w = [] if args[2] == "-" else [num(x) for x in args[2].split(",")]
        if name == "choicesw":
            return r.choices(range(int(args[0])), weights=w, k=int(args[1]))
        return r.choices(range(int(args[0])), cum_weights=w, k=int(args[1]))
    if name == "randbytes":
        return r.randbytes(int(args[0]))
    fn = getattr(r, name)
    return fn(*[num(x) for x in args])

SEEDS = [("int", 0), ("int", 1), ("int", 42), ("int", 12345), ("int", 2**40 + 7), ("int", -5),
         ("int", 2**100 + 3), ("int", 4294967295), ("int", 4294967296),
         ("str", "hello"), ("str", ""), ("str", "kairos \u00fc\u20ac"), ("bytes", "00ff10"),
         ("float", 1.5), ("float", -2.25), ("float", 0.0), ("float", float("inf")),
         ("float", 1e300), ("float", -1e-300), ("float", 123456789.125)]

out = []
for kind, value in SEEDS:
    if kind == "bytes":
        seed = bytes.fromhex(value)
    else:
        seed = value
    r = random.Random(seed)
    out.append(f"seed {kind} {value!r}" if kind == "float" else f"seed {kind} {value}")
    for op in OPS:
        try:
            res = fmt(run(r, op))
        except Exception as e:
            res = f"!{type(e).__name__}: {e}"
        out.append(f"{op} => {res}")
sys.stdout.write("\n".join(out) + "\n")
