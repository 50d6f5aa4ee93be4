# seed 003 ("async and await"): Solution to Exercise 3
import asyncio

async def async_fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b
        await asyncio.sleep(0.05)

async def main():
    fibs = []
    async for num in async_fibonacci(10):
        fibs.append(num)
    print(f"First 10 Fibonacci numbers: {fibs}")

asyncio.run(main())
