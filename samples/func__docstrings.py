def area(width: float, height: float = 1.0) -> float:
    """Return the area of a rectangle."""
    return width * height


class Shape:
    """A shape."""

    def describe(self):
        "One-line docstring."
        return "shape"


print(area.__doc__, area.__name__, area.__qualname__, Shape.describe.__qualname__)
print(area.__annotations__)
print(Shape.__doc__, Shape().describe.__doc__, area.__defaults__)
print(area(3, 4), area(2))


def no_doc():
    pass


print(no_doc.__doc__, type(area).__name__, area.__module__)
