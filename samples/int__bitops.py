a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1, -1 << 4)
print(bin(a & b), bin(a | b), bin(~a), bin(-5))
print(hex(255), hex(-255), oct(64), oct(-8), bin(0))
print(int("ff", 16), int("FF", 16), int("0b101", 0), int("101", 2), int(" 42 "), int("1_000"))
print(int("-0x10", 16), int("+7"), int(3.99), int(-3.99), int(True))
for text in ["", "4.5", "0x10", "ten"]:
    try:
        int(text)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
flags = 0
for bit in (1, 4, 6):
    flags |= 1 << bit
print(flags, [i for i in range(8) if flags & (1 << i)])
print(format(flags, "08b"), f"{flags:#06x}")
