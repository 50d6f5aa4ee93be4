import functools


@functools.total_ordering
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __neg__(self):
        return Vector(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __hash__(self):
        return hash((self.x, self.y))

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vector(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vector(self.x % k, self.y % k)

    def __pow__(self, n):
        return Vector(self.x ** n, self.y ** n)


a, b = Vector(3, 4), Vector(1, 2)
print(a + b, a - b, a * 2, 3 * a, -a, abs(a), a / 2, a // 2, a % 2, a ** 2)
print(a == Vector(3, 4), a != b, a > b, a <= b, sorted([a, b, Vector(0, 1)]), sum([a, b]))
c = a
c += b
print(c, a, c is a)
for bad in [lambda: a + 1, lambda: a * "s", lambda: 1 - a, lambda: a < 5]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Money:
    def __init__(self, amount):
        self.amount = amount

    def __add__(self, other):
        print("Money.__add__")
        return NotImplemented

    def __radd__(self, other):
        print("Money.__radd__ with", other)
        return Money(self.amount + other)

    def __repr__(self):
        return f"Money({self.amount})"


print(5 + Money(10))
try:
    Money(1) + Money(2)
except TypeError as e:
    print("TypeError:", e)
print(1 == 1.0, (1).__add__(2), (1).__add__(2.0), "a".__mul__(3))
