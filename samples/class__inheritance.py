class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def intro(self):
        return f"I am {self.name} and I say {self.speak()}"


class Cat(Animal):
    def speak(self):
        return "meow"


class Lion(Cat):
    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride

    def speak(self):
        return super().speak().upper() + "!"


for a in [Animal("thing"), Cat("tom"), Lion("leo", "north")]:
    print(a.intro())
print(Lion.__mro__)
print(isinstance(Lion("x", "y"), Animal), issubclass(Lion, Cat), issubclass(Cat, Lion), Lion.__bases__)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])


class Base:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry.append(cls.__name__)


class Plugin1(Base):
    pass


class Plugin2(Base):
    pass


print(Base.registry)


class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


print(Square(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
