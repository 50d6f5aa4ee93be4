def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src, moves)
    return moves


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


def permutations(seq):
    if len(seq) <= 1:
        return [seq]
    return [seq[i] + p for i in range(len(seq)) for p in permutations(seq[:i] + seq[i + 1:])]


print(factorial(10), factorial(25), fib(80))
print(hanoi(3, "A", "C", "B", []))
print(ackermann(2, 3), is_even(10), is_odd(7), flatten([1, [2, [3, [4, [5]]]], 6]))
print(permutations("abc"))
print(factorial(500) % 1000003, len(str(factorial(300))))
