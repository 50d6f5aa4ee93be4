from dataclasses import dataclass, field, asdict, FrozenInstanceError


@dataclass
class Item:
    name: str
    price: float
    tags: list = field(default_factory=list)
    qty: int = 1

    def total(self):
        return self.price * self.qty


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


a = Item("pen", 1.5)
b = Item("book", 12.0, ["paper"], 2)
print(a, b, a.total(), b.total())
print(a == Item("pen", 1.5), a == b, asdict(b))
a.tags.append("blue")
print(a.tags, Item("x", 1).tags)
vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), Version(2) == Version(2, 0, 0))
print(hash(Version(1)) == hash(Version(1)), {Version(1): "one"}[Version(1, 0, 0)])
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list, repr=False)
    parent: "Node" = field(default=None, compare=False)


n = Node(1, [Node(2)])
print(n, n == Node(1, [Node(2)]), n.children)
