class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return f"Money({self.cents})"

    def __repr__(self):
        return "Money(cents=%d)" % self.cents


m = Money(12345)
print(f"{m}")
print(f"{m:short}")
print(f"{m:.1f}")
print(format(m, ">12.3f"))
print("{}|{!s}|{!r}".format(m, m, m))
print(str(m), repr(m), [m])
print(format("text", ">8"), format(3, "b"), format(0.5, ".0%"))


class Plain:
    pass


try:
    format(Plain(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(Plain(), "") == str(Plain()) or "different")
