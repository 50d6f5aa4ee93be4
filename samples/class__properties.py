class Temperature:
    scale = "C"
    instances = 0

    def __init__(self, celsius=0.0):
        self.celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def count(cls):
        return f"{cls.__name__}: {cls.instances}"


t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.convert(100), t.convert(0))
t.celsius = 30
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
f = Temperature.from_fahrenheit(212)
print(f.celsius, type(f).__name__, Temperature.count())
del t.celsius
print(hasattr(t, "_celsius"))
print(type(Temperature.__dict__["convert"]).__name__, type(Temperature.__dict__["celsius"]).__name__)
