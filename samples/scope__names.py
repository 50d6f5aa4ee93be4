x = "global"


class Demo:
    x = "class body"
    items = [x for _ in range(2)]

    def method(self):
        return x


print(Demo.x, Demo.items, Demo().method())


def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")


print(shadow_builtin(), len("abc"))


def uses_later():
    return later_defined()


def later_defined():
    return "defined after use site"


print(uses_later())
if True:
    block_var = "blocks do not create scope"
print(block_var)
try:
    del block_var
    print(block_var)
except NameError as e:
    print("NameError:", e)


def counter():
    counter.calls = getattr(counter, "calls", 0) + 1
    return counter.calls


counter()
print(counter())
