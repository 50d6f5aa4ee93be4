log = []


def step(name):
    log.append(name)
    print(name)


def nested():
    try:
        step("outer try")
        try:
            step("inner try")
            raise ValueError("inner problem")
        except TypeError:
            step("never")
        finally:
            step("inner finally")
    except ValueError as e:
        step(f"outer except: {e}")
    else:
        step("outer else (skipped)")
    finally:
        step("outer finally")
    return len(log)


print(nested())


def loop_with_finally():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            step(f"body {i}")
        finally:
            step(f"finally {i}")
    else:
        step("else skipped due to break")
    return "loop done"


print(loop_with_finally())


def error_in_finally():
    try:
        raise KeyError("first")
    finally:
        raise IndexError("second")


try:
    error_in_finally()
except IndexError as e:
    print("caught", repr(e), "context:", repr(e.__context__))
for value in (0, 1):
    try:
        try:
            if value:
                raise OSError("os problem")
        finally:
            print("cleanup for", value)
    except OSError as e:
        print("handled", e)
while True:
    try:
        break
    finally:
        print("finally on while-break")
