import random

rng = random.Random(7)
print(rng.random(), rng.randrange(10), rng.randrange(0, 100, 5), rng.choice("abcdef"))
print(rng.choices(["x", "y", "z"], k=6), rng.choices([1, 2, 3], weights=[10, 1, 1], k=5))
random.seed(99)
print(random.randrange(1000), random.getrandbits(16), random.randint(-5, 5))
items = list("ABCDEFGH")
random.shuffle(items)
print("".join(items), random.sample(items, k=len(items)) != items)
state = random.getstate()
first = [random.random() for _ in range(2)]
random.setstate(state)
print(first == [random.random() for _ in range(2)])
