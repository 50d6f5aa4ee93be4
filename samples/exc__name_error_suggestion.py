length = 10
width = 4
print("area:", length * width)
print("perimeter:", 2 * (lenght + width))
