class Animal:
    kind = "generic"

    def speak(self):
        return "..."


class Dog(Animal):
    pass


d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, (int, str)), isinstance(d, object))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(bool, int), issubclass(Dog, (int, Animal)))
print(type(d) is Dog, type(d).__name__, type(d).__bases__[0].__name__, type(type(d)).__name__)
print(callable(d.speak), callable(d), callable(len), callable(Dog), callable(None))
print(getattr(d, "kind"), getattr(d, "missing", None), hasattr(d, "speak"), hasattr(d, "bark"))
setattr(d, "name", "rex")
print(d.name, getattr(d, "name"), "name" in vars(d), "kind" in vars(d), "kind" in dir(d))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c), None is None)
print(repr("x"), repr(1.0), repr([None, True]), repr(Dog.kind), str(b"bytes"), ascii("é"))
print(type(print).__name__, type(len).__name__, type(d.speak).__name__, type(Dog.speak).__name__)
print(len.__name__, print.__name__, int.__name__, Dog.__name__, Dog.__qualname__, Dog.__module__)
print(sorted(k for k in vars(Animal) if not k.startswith("__")))
print(isinstance(None, type(None)), type(None).__name__, type(...).__name__, ... is Ellipsis)
