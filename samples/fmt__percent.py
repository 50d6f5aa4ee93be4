print("%s is %d years" % ("Alan", 41))
print("%r %s" % ("x", "x"))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.6789, 0.000123, 0.00001))
print("%c%c" % (72, "i"))
print("100%% sure")
print("100%% sure" % ())
print("%(name)s scored %(score).1f" % {"name": "Dee", "score": 87.25})
print("%s" % [1, 2])
print("%s" % (1,))
print("%s %s" % ("a", None))
print("%*d|%-*d|" % (6, 7, 6, 7))
print("%.*f" % (2, 1.23456))
print("%.3s|%5.2s|" % ("abcdef", "xyz"))
print("%i %u" % (-3, 3))
print("%s" % 1.0, "%s" % 1e20, "%r" % 0.1)
try:
    print("%d" % "nope")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
