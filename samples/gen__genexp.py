def noisy(n):
    for i in range(n):
        print(f"  producing {i}")
        yield i


print("building")
squares = (x * x for x in noisy(3))
print("built, nothing produced yet")
for s in squares:
    print("consumed", s)
print(any(x > 1 for x in noisy(5)))
print(all(x < 1 for x in noisy(5)))
print(sum(x for x in range(10) if x % 3 == 0), max((len(w), w) for w in ["aa", "b", "ccc"]))
pipeline = (w.upper() for w in ("alpha", "beta", "gamma") if "a" in w[1:])
print(list(pipeline))
total = sum(n for n in range(1, 101))
print(total, sorted((n % 4 for n in range(10)), reverse=True))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "empty"))
