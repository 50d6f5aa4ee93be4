d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 2 in d)
print(d.keys(), d.values(), d.items())
print(list(d), list(d.values()), [k + str(v) for k, v in d.items()])
print(d.setdefault("a", 100), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("missing", "default"), d)
d.update({"a": 10, "e": 5}, f=6)
print(d)
print(d.popitem(), d)
del d["b"]
print(d, dict(zip("xyz", range(3))), dict.fromkeys("ab", 0), dict(a=1, b=2), dict([("k", "v")]))
merged = {"a": 1, "b": 2} | {"b": 20, "c": 30}
print(merged, {**merged, "d": 4})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
order = {}
order["z"] = 1
order["a"] = 2
order["z"] = 3
print(order, list(order.keys()))
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"}, {None: None})
print(d == {"a": 10, "c": 3, "e": 5}, {"a": 1} != {"a": 2}, dict(), {})
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
for key in sorted(d, reverse=True):
    print(key, d[key], end=" | ")
print()
copy = d.copy()
copy["a"] = -1
print(d["a"], copy["a"], d.clear(), d)
