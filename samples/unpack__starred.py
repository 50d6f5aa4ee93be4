first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *middle, tail = range(6)
print(first, rest, init, last, head, middle, tail)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), *others = [(1, 2), (3, 4), (5, 6)]
print(p, q, others)
_, *_, final = [9, 8, 7]
print(final)
print([*range(3), *"ab", *(7,)], (*[1, 2], 3), {*[1, 1, 2]}, {**{"a": 1}, **{"b": 2}, "c": 3})
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
show(*[1, 2], *(3,), **{"k": 1}, z=2)
for idx, (name, score) in enumerate([("x", 1), ("y", 2)]):
    print(idx, name, score)
for k, v in {"one": 1, "two": 2}.items():
    print(k, v, end="; ")
print()
for case in ([1, 2, 3], [1], []):
    try:
        m, n = case
        print("ok", m, n)
    except ValueError as e:
        print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
first, second, *more = "hi!"
print(first, second, more)
