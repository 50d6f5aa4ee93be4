for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 7:
        break
    print("even", i)
else:
    print("while-else skipped")
count = 0
while count < 3:
    count += 1
else:
    print("while-else ran, count =", count)
for i in range(3):
    pass
print("loop var after loop:", i)
for ch in "":
    print("never")
else:
    print("for-else on empty")
total = 0
for x in range(1, 101):
    if x % 3 and x % 5:
        continue
    total += x
print(total)
matrix = [[1, 2], [3, 4]]
for row in matrix:
    for cell in row:
        if cell == 3:
            print("found 3")
            break
    else:
        continue
    break
print(list(range(10, 0, -3)), [i for i in range(0)], list(range(-3)))
