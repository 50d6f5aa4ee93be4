class Config:
    def __init__(self, **values):
        self._values = values

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no setting {name!r}") from None


cfg = Config(debug=True, level=3)
print(cfg.debug, cfg.level, getattr(cfg, "level"), getattr(cfg, "missing", "fallback"), hasattr(cfg, "nope"))
try:
    cfg.color
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    x = 1


p = Plain()
setattr(p, "y", 2)
print(getattr(p, "x"), p.y, hasattr(p, "y"), sorted(vars(p)))
delattr(p, "y")
print(hasattr(p, "y"))
try:
    p.z
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(p, "never")
except AttributeError as e:
    print("AttributeError:", e)


class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


s = Slotted()
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError:", e)
print(s.a, getattr(s, "__slots__"))
