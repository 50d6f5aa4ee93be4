def describe(name, age=0, *hobbies, city="nowhere", **extra):
    print(f"name={name} age={age} hobbies={hobbies} city={city} extra={extra}")


describe("ann")
describe("bob", 30)
describe("cy", 40, "chess", "go", city="Oslo", pet="cat", lang="py")
describe(age=5, name="dee")


def kwonly(a, *, b, c=3):
    return a + b + c


def posonly(a, b, /, c):
    return (a, b, c)


print(kwonly(1, b=2), kwonly(1, b=2, c=10), posonly(1, 2, 3), posonly(1, 2, c=3))
for call in [lambda: kwonly(1, 2), lambda: describe(), lambda: posonly(a=1, b=2, c=3),
             lambda: describe("x", name="y"), lambda: kwonly(1, b=2, d=4), lambda: posonly(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def total(*numbers):
    return sum(numbers)


print(total(), total(1), total(1, 2, 3), total(*range(10)))


def collect(**kw):
    return sorted(kw.items())


print(collect(b=2, a=1))
args = (1,)
kwargs = {"b": 5}
print(kwonly(*args, **kwargs))


def returns_many():
    return 1, "two", [3]


r = returns_many()
print(r, type(r).__name__)


def no_return():
    pass


print(no_return(), describe.__name__, callable(describe))
