class Dog:
    species = "canis familiaris"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1

    def bark(self, times=1):
        return " ".join([f"{self.name} says woof"] * times)

    def birthday(self):
        self.age += 1
        return self

    def __repr__(self):
        return f"Dog({self.name!r}, {self.age})"

    def __str__(self):
        return f"{self.name} ({self.age})"


rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
print(rex.bark(), rex.bark(2))
print(rex, repr(rex), [rex, fido], str(fido), f"{fido}", f"{fido!r}")
print(rex.birthday().birthday().age, Dog.count, rex.species, Dog.species)
rex.species = "wolf?"
print(rex.species, fido.species, Dog.species, sorted(vars(rex)))
print(type(rex).__name__, type(rex) is Dog, isinstance(rex, Dog), Dog.__name__)
method = rex.bark
print(method(), Dog.bark(fido))


class Empty:
    pass


e = Empty()
e.anything = 42
print(e.anything, hasattr(e, "anything"), hasattr(e, "nothing"))
print(str(Empty).startswith("<class '__main__.Empty'"), repr(e).startswith("<__main__.Empty object at 0x"))
