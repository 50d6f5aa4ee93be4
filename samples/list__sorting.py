people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25), ("eve", 30)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
nums = [5, -3, 2, -8, 7]
print(sorted(nums, key=abs), sorted(nums, reverse=True), max(nums, key=abs), min(nums, key=lambda n: n * n))
scores = {"x": 3, "y": 1, "z": 2}
print(sorted(scores), sorted(scores.items(), key=lambda kv: kv[1]), sorted(scores, key=scores.get))
records = [{"name": "n1", "rank": 2}, {"name": "n2", "rank": 1}]
records.sort(key=lambda r: r["rank"])
print(records)
stable = sorted([(1, "b"), (0, "a"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "c", 1: "a"}), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(list(reversed([1, 2, 3])), sorted([0.5, -1, 3, 2.25]))
