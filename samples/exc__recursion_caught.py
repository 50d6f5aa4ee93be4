import sys

depth = 0


def dive():
    global depth
    depth += 1
    dive()


try:
    dive()
except RecursionError as e:
    print("RecursionError:", e)
print(depth > 900, sys.getrecursionlimit())


def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


print(len(str(fact(900))))
try:
    fact(2000)
except RecursionError as e:
    print("too deep:", e)
