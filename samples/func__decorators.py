import functools


def shout(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return result.upper()
    return wrapper


def repeat(times):
    def decorate(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorate


def trace(fn):
    depth = [0]

    @functools.wraps(fn)
    def wrapper(*args):
        print("  " * depth[0] + f"-> {fn.__name__}{args}")
        depth[0] += 1
        try:
            result = fn(*args)
        finally:
            depth[0] -= 1
        print("  " * depth[0] + f"<- {fn.__name__} = {result}")
        return result
    return wrapper


@shout
def greet(name):
    """Say hello."""
    return f"hello {name}"


@repeat(3)
def roll(x):
    return x * 2


@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


@shout
@repeat(2)
def pair():
    return "ab"


print(greet("world"), greet.__name__, greet.__doc__, greet.__wrapped__("raw"))
print(roll(4), roll.__name__)
print(fact(4))
try:
    print(pair())
except AttributeError as e:
    print("AttributeError:", e)

registry = {}


def register(name):
    def decorate(fn):
        registry[name] = fn
        return fn
    return decorate


@register("add")
def add(a, b):
    return a + b


@register("mul")
def mul(a, b):
    return a * b


print(sorted(registry), registry["mul"](3, 4), add(1, 2))


def count_calls(fn):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@count_calls
def ping():
    return "pong"


ping()
ping()
print(ping.calls)


def add_method(cls):
    cls.extra = lambda self: "extra method"
    return cls


@add_method
class Thing:
    pass


print(Thing().extra())
