class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"P({self.x},{self.y})"


class NoHash:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v


class Identity:
    pass


p1, p2, p3 = Point(1, 2), Point(1, 2), Point(2, 1)
print(p1 == p2, p1 is p2, p1 != p3, p1 == "P(1,2)", len({p1, p2, p3}), {p1: "a"}[p2])
print(p1 in [p3, p2], [p1, p2, p3].count(p1), [p3, p2].index(p1))
print(NoHash(1) == NoHash(1), NoHash.__hash__)
try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
i1, i2 = Identity(), Identity()
print(i1 == i2, i1 == i1, len({i1, i2, i1}))


class AlwaysEqual:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


print(AlwaysEqual() == 5, 5 == AlwaysEqual(), None == AlwaysEqual(), AlwaysEqual() != 1)
