"""Shared helpers of the case-table generators (run with CPython 3.11).

A table is UTF-8 text, one case per line, fields separated by tabs. Each
field escapes backslash, tab, newline, CR, and every other character that
is not printable as \\u{HEX}. A float is written as the
16 hex digits of its IEEE bits. An outcome is `=text` or `!Kind: message`.
"""
import struct
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"


def esc(text):
    out = []
    for c in text:
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c.isprintable():
            out.append(c)
        else:
            out.append("\\u{%X}" % ord(c))
    return "".join(out)


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def outcome(fn, *args):
    try:
        result = fn(*args)
    except Exception as e:  # noqa: BLE001 - every exception is a case
        return "!" + type(e).__name__ + ": " + str(e)
    return "=" + result


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# " + header + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
