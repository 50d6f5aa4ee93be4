a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(b), a.isdisjoint({9}), {1, 2}.issuperset({2}))
a.add(10)
a.discard(99)
a.remove(1)
print(a, len(a), 10 in a, 1 in a)
try:
    a.remove(99)
except KeyError as e:
    print("KeyError:", e)
s = set()
print(s, set([3, 1, 2, 3, 1]), frozenset([2, 1]), set(range(5)))
words = ["pear", "apple", "pear", "fig", "apple"]
print(sorted(set(words)), len(set(words)), sorted({w[0] for w in words}))
fs = frozenset({1, 2})
print({fs: "frozen ok"}[frozenset({2, 1})], fs | {3}, type(fs | {3}).__name__)
u = {1, 2, 3}
u |= {4}
u &= {2, 3, 4}
u -= {3}
print(u, sorted(u), u == {2, 4})
print(set("hello") == set("olleh"), sorted(set("hello")))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
