class AppError(Exception):
    """Base error of the app."""


class NotFound(AppError):
    def __init__(self, key, where="db"):
        super().__init__(f"{key!r} not found in {where}")
        self.key = key
        self.where = where


class Invalid(AppError):
    def __str__(self):
        return f"invalid: {', '.join(map(str, self.args))}"


for exc in [NotFound("user:1"), Invalid("a", 2), AppError("generic"), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.key, e.where, e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, repr(e), e.args)
print(issubclass(NotFound, AppError), issubclass(NotFound, Exception), NotFound.__mro__[1:])
print(isinstance(NotFound("k"), LookupError), AppError.__doc__)
try:
    raise NotFound("cfg", where="disk")
except (KeyError, AppError) as e:
    print("tuple catch:", e)


class WithNotes(Exception):
    pass


err = WithNotes("base message")
err.add_note("a note")
print(err.__notes__, str(err))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
