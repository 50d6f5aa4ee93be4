"""Writes string_cases.txt (run with CPython 3.11).

Fields: operation, repr of the result (or `!Kind: message`), arguments.
An argument is `s:<text>`, `i:<int>` or `n:` (None).
"""
import random

from tablefmt import esc, write

rng = random.Random(99)

TEXTS = [
    "", "a", "abc", "hello world", "  spaced  out  ", "a,b,,c,", ",", "aaaa", "ΑΣ ΟΔΟΣ", "ΣΑΣ.",
    "straße", "ǆemal ǅ", "they're bill's friends", "tab\there\tx\n\tend", "x\r\ty",
    "line1\nline2\r\nline3\rline4\x0bx\x1cy\u2028z\n", "\n\n", "héllo wörld", "日本語テキスト",
    "İstanbul", "ﬁne ﬂow", "\x00\x07\x7f\x80\xa0\xad\u200b\U0001f600", "quote's", "both'\"",
    "\\back", "-42", "+7", "42", "١٢٣", "½", "Ⅻ", "_id", "1abc", "a b\x1c c\x85d\u3000e",
    "Hello World", "HELLO", "hello", "Hello", "hElLo", "ǅ", "123abc", "ABC123", " \t\n",
    "a\u0301", "ŉ", "ΐ", "ß", "Σ", "ὒ", "ᾈ", "x_1", "for", "αβγ", "\u00e9t\u00e9",
]
SUBS = ["", "a", "l", "o w", "Σ", "ab", "日本", "x", "\n", "é"]
INDICES = [None, 0, 1, 2, -1, -3, 5, 100, -100]

rows = []


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return "i:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    return "s:" + esc(v)


def add(op, fn, *args):
    try:
        result = "=" + repr(fn(*args))
    except Exception as e:  # noqa: BLE001
        result = "!" + type(e).__name__ + ": " + str(e)
    rows.append([op, esc(result)] + [enc(a) for a in args])


for s in TEXTS:
    for sub in rng.sample(SUBS, 3) + [s[1:3]]:
        for _ in range(2):
            start, end = rng.choice(INDICES), rng.choice(INDICES)
            for op in ["find", "rfind", "index", "rindex", "count", "startswith", "endswith"]:
                add(op, lambda s, sub, a, b, op=op: getattr(s, op)(sub, a, b), s, sub, start, end)
    for old, new, count in [("a", "X", -1), ("", "-", -1), ("", "-", 2), ("l", "", 1), ("Σ", "σσ", -1), (s[:1], "<>", 0)]:
        add("replace", str.replace, s, old, new, count)
    for sep in [None, ",", "", "a", "ΟΔ"]:
        for maxsplit in [-1, 0, 1, 2]:
            add("split", str.split, s, sep, maxsplit)
            add("rsplit", str.rsplit, s, sep, maxsplit)
    add("splitlines", str.splitlines, s, False)
    add("splitlines", str.splitlines, s, True)
    for chars in [None, "", " ", "ab", "l\n", "日"]:
        add("strip", str.strip, s, chars)
        add("lstrip", str.lstrip, s, chars)
        add("rstrip", str.rstrip, s, chars)
    for sep in ["", " ", "l", ",", "Σ"]:
        add("partition", str.partition, s, sep)
        add("rpartition", str.rpartition, s, sep)
    for width in [-1, 3, 8, 15]:
        for fill in ["*", "日"]:
            for op in ["center", "ljust", "rjust"]:
                add(op, getattr(str, op), s, width, fill)
        add("zfill", str.zfill, s, width)
    for tabsize in [8, 4, 1, 0, -1]:
        add("expandtabs", str.expandtabs, s, tabsize)
    for op in ["title", "capitalize", "swapcase", "casefold", "lower", "upper", "isupper", "islower", "istitle",
               "isspace", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum",
               "isidentifier", "isprintable"]:
        add(op, getattr(str, op), s)
    add("repr", repr, s)
    add("ascii", ascii, s)


def random_char():
    pick = rng.random()
    if pick < 0.3:
        return chr(rng.randint(0, 0x2FF))
    if pick < 0.8:
        code = rng.randint(0, 0xFFFF)
    else:
        code = rng.randint(0x10000, 0x10FFFF)
    return chr(code) if not 0xD800 <= code <= 0xDFFF else "x"


for _ in range(400):
    s = "".join(random_char() for _ in range(rng.randint(1, 4)))
    for op in ["title", "capitalize", "swapcase", "casefold", "lower", "upper", "isupper", "islower", "istitle",
               "isspace", "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum",
               "isidentifier", "isprintable"]:
        add(op, getattr(str, op), s)
    add("repr", repr, s)

for data in [b"", b"abc", b"it's", b"both'\"", b"\x00\x7f\x80\xff\t\n\r\\", bytes(range(0, 256, 7))]:
    add("bytes_repr", lambda s: repr(s.encode("latin-1")), data.decode("latin-1"))

write("string_cases.txt", "operation, repr of result, arguments", rows)
