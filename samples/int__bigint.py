import math

big = 2 ** 100
print(big, -big, big + 1, big * big)
print(math.factorial(30))
print(math.factorial(52) // math.factorial(47))
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(divmod(3 ** 80, 2 ** 64))
print(hex(2 ** 70), oct(2 ** 70), bin(2 ** 70))
print((2 ** 70).bit_length(), len(str(3 ** 200)))
print(int("123456789012345678901234567890") * 3)
print(2 ** 64 - 1 == 18446744073709551615, 2 ** 63 > 9223372036854775807)
print(big / 3, float(big), big // 3.0)
print((big >> 90), (1 << 80) | 1, ~big, big & (2 ** 50 - 1), big ^ (big - 1))
print(pow(2, 200, 10 ** 9 + 7), abs(-(2 ** 90)))
fib = [0, 1]
for _ in range(150):
    fib.append(fib[-1] + fib[-2])
print(fib[-1])
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
print(f"{2 ** 90:,}", f"{2 ** 90:x}", f"{-(2 ** 90):e}")
print(round(123456789012345678901234567890, -20))
print(max(2 ** 100, 2 ** 99 * 3), min(-(2 ** 100), 0))
print(2 ** 100 == 2.0 ** 100, 2 ** 100 < 2.0 ** 101, hash(2 ** 100) == hash(2 ** 100))
