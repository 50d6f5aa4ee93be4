value = 1


def read_global():
    return value


def write_global():
    global value
    value += 10
    return value


def shadow():
    value = "local"
    return value


print(read_global(), write_global(), shadow(), value)


def broken():
    print(value)
    value = 2


try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def outer():
    x = "outer-x"

    def middle():
        nonlocal x
        x = "changed by middle"

        def inner():
            return x
        return inner()

    result = middle()
    return result, x


print(outer())


def define_global():
    global created_later
    created_later = "now exists"


define_global()
print(created_later)
try:
    print(never_defined)
except NameError as e:
    print("NameError:", e)
