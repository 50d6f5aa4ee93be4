class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2


c = Countdown(3)
print(list(c), list(c))
print(list(Range2(7)), list(Range2(7)), sum(Range2(10)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "stop"))
for i, v in zip(range(10), Countdown(4)):
    print(i, v, end="; ")
print()
calls = [3, 2, 1, 0, 5]
print(list(iter(lambda: calls.pop(0), 0)), calls)
try:
    iter(42)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
a, b, c = Countdown(3)
print(a, b, c, max(Countdown(5)), sorted(Countdown(3)), tuple(Countdown(2)), dict(enumerate(Countdown(2))))
