# seed 003 ("async and await"): Solution to Exercise 1
import asyncio
import time

async def timed_greet(name, delay):
    await asyncio.sleep(delay)
    return f"Hello, {name}"

async def main():
    names = [("Alice", 0.3), ("Bob", 0.5), ("Carol", 0.2)]

    # Sequential
    start = time.perf_counter()
    for name, delay in names:
        await timed_greet(name, delay)
    seq_time = time.perf_counter() - start

    # Concurrent
    start = time.perf_counter()
    results = await asyncio.gather(
        *[timed_greet(n, d) for n, d in names]
    )
    con_time = time.perf_counter() - start

    print(f"Sequential: {seq_time:.2f}s")
    print(f"Concurrent: {con_time:.2f}s")
    print(f"Results: {results}")

asyncio.run(main())
