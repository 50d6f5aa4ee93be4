square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "immediate")(), (lambda *a, **k: (a, k))(1, x=2))
print(list(map(lambda n: n * 3, [1, 2, 3])), list(filter(lambda n: n % 2, range(10))))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4), square.__name__, (lambda: 0).__name__)
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(map(str, range(3))))
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
print((lambda x: (lambda y: x + y))(1)(2))
