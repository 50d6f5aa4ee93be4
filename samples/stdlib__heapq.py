"""heapq's primitives (native in kairos) against CPython: equal keys keep
CPython's order, errors carry CPython's words, and the helpers built on them
(nsmallest, nlargest, merge) agree."""

import heapq


class Job:
    """Ordered by priority only, so equal priorities show the sift order."""

    def __init__(self, priority, name):
        self.priority = priority
        self.name = name

    def __lt__(self, other):
        return self.priority < other.priority

    def __repr__(self):
        return f"{self.name}:{self.priority}"


jobs = [Job(p, f"j{i}") for i, p in enumerate([3, 1, 2, 1, 3, 2, 1, 0, 2, 3])]
heap = []
for job in jobs:
    heapq.heappush(heap, job)
print("heap:", heap)
print("popped:", [heapq.heappop(heap) for _ in range(len(heap))])

numbers = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(numbers)
print("heapify:", numbers)
print("heapreplace:", heapq.heapreplace(numbers, 10), numbers)
print("heappushpop:", heapq.heappushpop(numbers, -1), heapq.heappushpop(numbers, 4), numbers)

timers = []
for seq, when in enumerate([0.5, 0.1, 0.5, 0.1, 0.3]):
    heapq.heappush(timers, (when, seq, f"t{seq}"))
print("timers:", [heapq.heappop(timers)[2] for _ in range(5)])

print("nsmallest:", heapq.nsmallest(3, jobs, key=lambda j: j.priority))
print("nlargest:", heapq.nlargest(3, jobs, key=lambda j: j.priority))
print("merge:", list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 6])))
print("merge reverse:", list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))

for call in (lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1),
             lambda: heapq.heappush((1, 2), 3), lambda: heapq.heapify("abc"),
             lambda: heapq.heappop((1,))):
    try:
        call()
    except (IndexError, TypeError) as error:
        print(type(error).__name__ + ":", error)
