def check(label, value):
    print(f"  checking {label}")
    return value


print(any(check(i, i > 2) for i in range(10)))
print(all(check(i, i < 2) for i in range(10)))
print(any([]), all([]), any(x for x in []), all(x for x in []))
print(any(["", 0, None, "x"]), all(["a", 1, [0]]), all([[], "x"]))
words = ["apple", "avocado", "banana"]
print(any(w.startswith("b") for w in words), all(len(w) > 4 for w in words))
print(sum(1 for w in words if "a" in w), [w for w in words if any(c in "vn" for c in w)])
print(True and "yes", False or "fallback", None or 0 or "", 1 and 2 and 3, 0 and 1 / 0, not [], not 0.0)
x = 5
print(0 < x < 10, 0 < x > 3, x == 5 != 6, 1 < 2 < 3 < 2, "a" < "b" < "c")
print((n := 10) > 5, n, [y for v in range(5) if (y := v * v) > 3])
