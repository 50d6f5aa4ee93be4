class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value):
        return value * self.factor


double = Multiplier(2)
print(double(21), callable(double), callable(Multiplier), list(map(double, [1, 2])))


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"open {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"close {self.name}; exc_type={exc_type.__name__ if exc_type else None}; exc={exc!r}")
        return self.suppress


with Resource("a") as r:
    print("using", r.name)
with Resource("outer") as o, Resource("inner") as i:
    print("using", o.name, i.name)
with Resource("swallow", suppress=True):
    raise ValueError("hidden")
print("after suppressed error")
try:
    with Resource("propagate"):
        raise KeyError("visible")
except KeyError as e:
    print("caught", repr(e))


def early_return():
    with Resource("ret"):
        return "returned value"


print(early_return())
for n in range(3):
    with Resource(f"loop{n}"):
        if n == 1:
            continue
        if n == 2:
            break
        print("body", n)
