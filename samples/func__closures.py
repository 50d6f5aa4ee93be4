def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())


def make_multipliers():
    return [lambda x: x * i for i in range(4)]


print([m(10) for m in make_multipliers()])


def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]


print([m(10) for m in make_multipliers_fixed()])


def outer():
    messages = []

    def log(msg):
        messages.append(msg)

    def dump():
        return list(messages)

    return log, dump


log, dump = outer()
log("a")
log("b")
print(dump(), c1.__closure__ is not None, make_counter.__closure__)


def adder(n):
    def add(x):
        return x + n
    return add


add5 = adder(5)
print(add5(10), adder(-1)(1), [adder(i)(i) for i in range(3)])


def counter_gen():
    total = 0

    def bump():
        nonlocal total
        total += 1
        inner_total = total

        def peek():
            return inner_total * 10
        return peek()
    return bump


b = counter_gen()
print(b(), b(), b())
