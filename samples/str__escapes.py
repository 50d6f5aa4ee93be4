print("tab:\t|newline:\\n|quote:\"|apostrophe:'")
print(repr("tab\there"), repr("new\nline"), repr("back\\slash"), repr("bell\a"), repr("\x00\x7f"))
print(repr("it's"), repr('say "hi"'), repr("it's \"both\""), repr("\u00e9\u4e2d"), repr("\U0001F600"))
print(r"raw\nstring", len(r"\n"), len("\n"), r"C:\path\to")
print("""triple
quoted""", '''single
triple''')
print("a" "b" 'c', "\x41\101\u0041\N{LATIN SMALL LETTER A}")
print(repr(b"bytes\x00\xff"), b"abc"[0], b"abc"[1:], list(b"hi"), bytes([104, 105]))
print(ascii("naïve ☃"), repr("\r\x0b\x0c"))
print("\\" * 3, len("\\\\"))
print("multi-\
line continuation")
