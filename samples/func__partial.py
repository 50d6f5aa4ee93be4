import functools


def power(base, exponent, *, label="result"):
    return f"{label}: {base ** exponent}"


square = functools.partial(power, exponent=2)
cube_of_two = functools.partial(power, 2, 3)
labelled = functools.partial(power, label="value")
print(square(5), cube_of_two(), labelled(3, 3), square(4, label="sq"))
print(square.func is power, square.args, square.keywords, cube_of_two.args)


def log(level, message):
    print(f"[{level}] {message}")


warn = functools.partial(log, "WARN")
warn("disk almost full")
print(list(map(functools.partial(int, base=2), ["101", "111"])))
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 0))


@functools.lru_cache(maxsize=None)
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(100))
