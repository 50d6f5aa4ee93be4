class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(3, 4)
data = {"name": "Grace", "langs": ["COBOL", "FLOW-MATIC"]}
print("{} and {}".format("left", "right"))
print("{1} before {0}".format("a", "b"))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} likes {lang}".format(name="Bo", lang="Python"))
print("{0.x},{0.y}".format(p))
print("{p.x}/{p.y}".format(p=p))
print("{0[name]} wrote {0[langs][0]}".format(data))
print("{d[langs][1]}".format(d=data))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:{fill}{align}{width}}".format("x", fill="~", align="^", width=9))
print("{!r} {!s}".format("q", "q"))
print("{{}} {{{}}}".format(5))
print("{name}: {score:.1f}".format_map({"name": "Cy", "score": 9.25}))
print("{0:.3} {0:10.3}|".format("abcdefgh"))
print("{:,}".format(9876543210))
print("Total: {total:>10.2f}".format(total=123.456))
print(str.format("{}-{}", 1, 2))
try:
    "{} {}".format("only one")
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
