name = "Ada"
age = 36
pi = 3.14159265
width = 10
precision = 3
items = ["a", "b"]

print(f"{name} is {age}")
print(f"{name!r} {name!s} {name!a} {'café'!a}")
print(f"{pi:.2f} {pi:10.4f}| {pi:<10.1f}| {pi:^10.2f}|")
print(f"{pi:{width}.{precision}f}|")
print(f"{name:>{width}}|{name:*^{width}}|")
print(f"{age=}")
print(f"{age = }")
print(f"{name=!r:>10}")
print(f"{pi=:.1f}")
print(f"{age + 1 = }")
print(f"{items[0]} {items[-1]} {len(items)}")
print(f"{{literal braces}} {{{age}}}")
print(f"{'nested ' + f'{age:03d}'}")
print(f"{age:#x} {age:#o} {age:#b} {age:08.3f}")
print(f"{1000000:,} {1000000:_} {1234.5678:,.2f}")
print(f"{-42:+d} {42:+d} {42: d} {-42: d}")
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|")
print(f"{3 if age > 30 else 4}")
print(f"{'multi'}" f"{'part'}" "plain")
x = 5
print(f"{x!r:>4}|{x:>4}|{str(x):>4}|")
print(f"{[1, 2]!s:>10}|")
print(f"{None}|{True:>6}|{False!r}")
