import random

random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([round(random.uniform(10, 20), 6) for _ in range(3)], random.uniform(0, 1))
colors = ["red", "green", "blue", "yellow", "purple"]
print([random.choice(colors) for _ in range(5)])
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(colors, 3))
random.seed(42)
again = random.random()
random.seed(42)
print(again == random.random())
random.seed(12345)
print(random.randint(0, 1000), random.random())
random.seed(2024)
rolls = [random.randint(1, 6) for _ in range(600)]
print([rolls.count(face) for face in range(1, 7)], sum(rolls))
