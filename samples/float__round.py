import math

for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2), type(round(v)).__name__, type(round(v, 1)).__name__)
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2))
print(round(3.14159, 3), round(2.0), round(-0.4), round(1e20), round(12.5, 0))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(int(2.9999), int(-0.5), math.floor(3), math.ceil(3.0))
for x in [7.5, -7.5, 7.0]:
    print(x // 2, x % 2, divmod(x, 2), x / 2, x % -2, -x // 3)
print(1.5 ** 2, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2.0, 10 ** -2)
print((2.5).is_integer(), (3.0).is_integer(), (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print(abs(-2.5), -2.5.__abs__(), (-2.5).__abs__())
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(math.isclose(0.1 + 0.2, 0.3), math.inf > 1e308, math.isnan(math.nan), math.nan == math.nan)
