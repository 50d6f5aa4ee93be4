values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e22, 1e23,
          1e-4, 1e-5, 0.00001234, 1.5e300, 5e-324, 1.7976931348623157e308, 100.0, 2.0 ** 0.5,
          -0.0, 3.0, 1e100, 12345.678, 9007199254740993.0, 0.3 - 0.1, 1.1 * 1.1, 4.35 * 100]
for v in values:
    print(repr(v), str(v), v)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(float("1e500"), float("-1e500"), float(" 2.5 "), float("1_000.5"))
print(float(10), float(-0), float("3"), float(2 ** 60))
print(0.1 * 3, 0.1 + 0.1 + 0.1 == 0.3, round(0.1 + 0.2, 10) == 0.3)
total = 0.0
for _ in range(10):
    total += 0.1
print(total, sum([0.1] * 10))
print([0.5, 1.25], (2.0,), {"f": 1e-7})
print(1e16 + 1, 2.5e-3, 123e4, 1.0e0)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
