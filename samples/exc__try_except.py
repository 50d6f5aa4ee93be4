def attempt(value):
    try:
        print(f"  trying {value!r}")
        result = 10 / int(value)
    except ValueError as e:
        print("  ValueError:", e)
        return "bad value"
    except (ZeroDivisionError, TypeError) as e:
        print(f"  {type(e).__name__}: {e}")
        return "bad math"
    else:
        print("  no exception")
        return result
    finally:
        print("  finally runs")


for v in ["5", "zero", "0", None]:
    print(attempt(v))


def finally_overrides():
    try:
        return "from try"
    finally:
        return "from finally"


def finally_swallows():
    try:
        raise RuntimeError("lost")
    finally:
        return "swallowed"


print(finally_overrides(), finally_swallows())


def reraise():
    try:
        {}["missing"]
    except KeyError:
        print("  logging and re-raising")
        raise


try:
    reraise()
except KeyError as e:
    print("outer caught", repr(e))
try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise TypeError("converted") from e
except TypeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
e_name_is_deleted = True
try:
    raise IndexError("x")
except IndexError as err:
    pass
try:
    err
except NameError as ne:
    print("NameError:", ne)
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop", i)
    finally:
        print("finally", i)
try:
    raise Exception("a", 1, None)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    raise Exception()
except Exception as e:
    print(repr(str(e)), e.args)
