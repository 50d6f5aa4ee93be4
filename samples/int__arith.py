pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]
for a, b in pairs:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 10 ** 0, 0 ** 0)
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(2, -1, 7), pow(7, 0))
print(17 // 5, -17 // 5, 17 % -5, -17 % -5)
print(1 + 2 * 3 - 4 // 3 % 2)
print(abs(-9), int(-3.9), int(3.9), int("-12"), int("0x1f", 16), int("z", 36), int("0o17", 0))
print(round(7, -1), round(15, -1), round(25, -1), round(-35, -1))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
print(True + True, True * 3, False - 1)
print(3 == 3.0, 1 < 2 < 3, 3 > 2 > 2, 0 == -0)
print(int.__name__, (5).bit_length(), (-5).bit_length())
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("12abc")
except ValueError as e:
    print("ValueError:", e)
