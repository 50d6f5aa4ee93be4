def ratio(a, b):
    return a / (b - b)


values = [3, 4]
print("computing")
total = values[0] + ratio(values[0], values[1]) * 2
