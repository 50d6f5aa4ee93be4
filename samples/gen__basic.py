def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("done")
    return "finished"


gen = countdown(3)
print(type(gen).__name__)
print(next(gen), next(gen), next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(list(countdown(2)))
for v in countdown(2):
    print("got", v)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])


def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v


print(list(take(5, fib())), sum(take(10, fib())))
print(next(iter([])), "unreachable") if False else print(next(iter([]), "default"))


def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")


for x in gen_with_finally():
    print("first only", x)
    break
print("after break")
g = (i * i for i in range(3))
print(list(g), list(g))
