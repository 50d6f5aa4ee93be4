total = 0
for i in range(300_000):
    line = f"{i:>8} | {i * 1.5:10.2f} | {'x' * (i % 7)!r} | {i:#x}"
    total += len(line) + len("%d-%s" % (i, i % 3)) + len("{}:{}".format(i, -i))
print(total)
