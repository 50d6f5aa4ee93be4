names = ["ann", "bob", "cy"]
scores = [90, 75, 82, 60]
print(list(enumerate(names)), list(enumerate(names, start=1)))
print(list(zip(names, scores)), list(zip(names, scores, "xyz")), dict(zip(names, scores)))
print(list(zip(*[(1, "a"), (2, "b")])))
try:
    list(zip(names, scores, strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(reversed(names)), list(reversed(range(4))), sorted(scores), sorted(names, reverse=True))
print(sum(scores), sum(scores, 100), sum([0.5, 0.25]), sum([[1], [2]], []))
print(min(scores), max(scores), min(names, key=len), max(names, key=lambda n: n[-1]))
print(min([], default="none"), max(3, 9, 4), min("b", "a"), max([1, 2], [1, 3]))
print(list(map(len, names)), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "x", None, []])))
print(list(filter(lambda s: s > 70, scores)), list(range(2, 20, 5)), list(range(5, 0, -2)))
r = range(0, 30, 3)
print(r, len(r), r[2], r[-1], 9 in r, 10 in r, r.index(12), list(r[1:4]))
it = iter(names)
print(next(it), next(it), next(it), next(it, "exhausted"))
print(all([]), any([]), all([1, "x"]), any([0, "", None]), len("abc"), len([1, 2]), len({"a": 1}))
print(list(enumerate("ab")), [i * c for i, c in enumerate("abc", 1)])
for n, (a, b) in enumerate(zip("xy", "uv")):
    print(n, a, b)
