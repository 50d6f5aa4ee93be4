def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"


def outer():
    result = yield from inner()
    print("outer got", result)
    yield "outer-final"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("exhausted")


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], "ab", range(3))))


def tree_walk(node):
    value, children = node
    yield value
    for child in children:
        yield from tree_walk(child)


tree = (1, [(2, [(4, [])]), (3, [(5, []), (6, [])])])
print(list(tree_walk(tree)))


def delegating_throw():
    try:
        yield from inner()
    except ZeroDivisionError:
        yield "caught in outer"


d = delegating_throw()
next(d)
print(d.throw(ZeroDivisionError))
