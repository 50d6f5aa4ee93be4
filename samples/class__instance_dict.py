# Instances of one class that gain their attributes in different orders,
# delete some, or grow many: each __dict__ keeps its own insertion order.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


a = Point(1, 2)
b = Point(3, 4)
b.z = 5            # one more than its siblings
c = Point(6, 7)
c.w = 8            # a different extra name
print(vars(a), vars(b), vars(c))


class Loose:
    pass


first = Loose()
first.one = 1
first.two = 2
second = Loose()
second.two = 'two'   # the shared order says 'one' comes first
second.one = 'one'
print(first.__dict__, second.__dict__)
print(first.one, first.two, second.one, second.two)

del first.one
print(vars(first), hasattr(first, 'one'))
first.one = 'again'
print(vars(first))
try:
    del first.missing
except AttributeError as exc:
    print('AttributeError:', exc)

third = Loose()
third.one = 3
print(vars(third))

many = Loose()
for i in range(40):
    setattr(many, f'attr{i}', i)
print(len(vars(many)), many.attr0, many.attr39, list(vars(many))[-3:])
many.attr5 = 'five'
del many.attr0
print(list(vars(many))[:3], many.attr5)

after = Loose()
after.one = 1
after.attr7 = 7
print(vars(after))


class WithDefaults:
    kind = 'class default'

    def __init__(self, flag):
        if flag:
            self.kind = 'own'
        self.name = 'n'


print(vars(WithDefaults(True)), vars(WithDefaults(False)), WithDefaults(False).kind)
