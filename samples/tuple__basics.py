t = (1, "two", 3.0)
single = (5,)
empty = ()
print(t, single, empty, len(t), t[1], t[-1], t[1:], t + single, single * 3)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9, 9), t.count(1), t.index("two"))
a, b, c = t
print(a, b, c)
point = 3, 4
x, y = point
print(point, x, y, type(point).__name__)
nested = ((1, 2), (3, 4))
for (p, q) in nested:
    print(p + q, end=" ")
print()
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple(), (1, [2, 3]))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)], max((3, 1), (2, 9)))
print(divmod(17, 5), tuple(sorted((3, 1, 2))), (1,) + (2,), 2 in (1, 2, 3))
