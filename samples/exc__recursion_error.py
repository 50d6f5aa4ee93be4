def countdown(n):
    if n == 0:
        return "done"
    return countdown(n - 1)


print(countdown(100))
print(countdown(5000))
