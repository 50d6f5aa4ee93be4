def risky():
    raise ExceptionGroup("batch failed", [
        ValueError("bad value"),
        TypeError("bad type"),
        ExceptionGroup("nested", [ValueError("deep value"), KeyError("deep key")]),
    ])


try:
    risky()
except* ValueError as eg:
    print("ValueErrors:", eg.exceptions)
except* TypeError as eg:
    print("TypeErrors:", eg.exceptions)
except* LookupError as eg:
    print("LookupErrors:", repr(eg))
eg = ExceptionGroup("group", [ValueError(1), OSError(2), ValueError(3)])
print(repr(eg), str(eg), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, OSError))), eg.subgroup(KeyError))
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k")])
    except* ValueError:
        print("not reached")
except ExceptionGroup as remaining:
    print("unhandled part propagates:", repr(remaining))
try:
    raise ValueError("plain")
except* ValueError as eg:
    print("a plain exception is wrapped:", repr(eg))
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt()])
except BaseExceptionGroup as beg:
    print(type(beg).__name__, repr(beg.exceptions))
print(type(ExceptionGroup("x", [ValueError()])).__name__, issubclass(ExceptionGroup, BaseExceptionGroup))
