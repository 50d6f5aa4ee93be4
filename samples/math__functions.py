import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.floor(-3.5), math.ceil(-3.5), math.trunc(3.9))
print(math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(10), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1), math.exp(0))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), round(math.cos(math.pi), 12), math.tan(math.pi / 4))
print(math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.dist((0, 0), (3, 4)))
print(math.fabs(-2), math.copysign(3, -0.0), math.fmod(7, -3), 7 % -3, math.modf(3.25), math.pow(2, 10))
print(math.isclose(1.0, 1.0 + 1e-10), math.isinf(math.inf), math.isnan(float("nan")), math.isfinite(1e308))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.floor(2.5) + math.ceil(2.5), type(math.floor(2.5)).__name__, math.sqrt(0.0), math.exp(-1))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
