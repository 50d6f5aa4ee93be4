squares = [x * x for x in range(10)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(x, y) for x in range(3) for y in range(3) if x != y]
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
flat = [v for row in matrix for v in row]
print(squares, evens, pairs, matrix, transposed, flat, sep="\n")
words = ["apple", "banana", "cherry", "avocado"]
lengths = {w: len(w) for w in words}
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(lengths, by_letter)
print({n % 5 for n in range(20)}, {x: x ** 2 for x in range(5) if x % 2})
print(sum(x for x in range(101)), max(len(w) for w in words), list(w.upper() for w in words if "an" in w))
labels = ["even" if n % 2 == 0 else "odd" for n in range(5)]
print(labels)
x = "outer"
result = [x for x in "ab"]
print(x, result)
print([[y for y in range(x)] for x in range(4)])
print([i for i in range(20) if i % 3 == 0 if i % 2 == 0])
gen = (n * 2 for n in range(4))
print(next(gen), list(gen), list(gen))
