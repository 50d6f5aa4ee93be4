import random

random.seed(5)
records = [{"id": i, "score": random.randint(0, 10_000), "name": f"n{i % 977}"} for i in range(200_000)]
by_name = {}
for r in records:
    by_name.setdefault(r["name"], []).append(r["score"])
ranked = sorted(records, key=lambda r: (-r["score"], r["id"]))
totals = sorted(((sum(v), k) for k, v in by_name.items()), reverse=True)
squares = {i: i * i for i in range(100_000)}
print(ranked[0]["id"], ranked[-1]["id"], totals[0], len(by_name), sum(squares.values()) % 1_000_003)
