def accumulator():
    total = 0
    while True:
        received = yield total
        if received is None:
            break
        total += received
    return total


acc = accumulator()
print(next(acc))
print(acc.send(10), acc.send(5), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value)


def resilient():
    while True:
        try:
            value = yield
            print("received", value)
        except ValueError as e:
            print("handled", e)
        except GeneratorExit:
            print("closing")
            raise


r = resilient()
next(r)
r.send("a")
r.throw(ValueError("bad value"))
r.send("b")
r.close()
print("closed; running?", r.gi_running, "frame:", r.gi_frame)
try:
    r.send("c")
except StopIteration:
    print("StopIteration after close")


def fragile():
    yield 1
    yield 2


fg = fragile()
next(fg)
try:
    fg.throw(KeyError("boom"))
except KeyError as e:
    print("propagated", repr(e))
try:
    fresh = fragile()
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def swallow_close():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"


s = swallow_close()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
