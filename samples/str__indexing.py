word = "kairos"
print(word[0], word[-1], word[2:4], word[:3], word[3:], word[::-1], word[::2], word[1::2])
print(word[-3:], word[:-3], word[10:], word[-100:2], word[4:1], word[4:1:-1])
for i, ch in enumerate(word):
    print(i, ch, ord(ch), end="; ")
print()
print([c for c in word if c in "aeiou"], "".join(chr(ord(c) - 32) for c in word))
print(word.upper()[::-1], word * 2, len(word * 2), word.find("r"))
try:
    word[6]
except IndexError as e:
    print("IndexError:", e)
try:
    word[0] = "K"
except TypeError as e:
    print("TypeError:", e)
print(chr(65), chr(97), chr(8364), ord("€"), ord("\n"), chr(0x1F600).encode("utf-8"))
s = "racecar"
print(s == s[::-1], "ab" in "cab", "".join(sorted("kairos")))
