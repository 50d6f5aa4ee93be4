# seed 003 ("async and await"): Solution to Exercise 2
import asyncio
import time

class Timer:
    async def __aenter__(self):
        self.start = time.perf_counter()
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        elapsed = time.perf_counter() - self.start
        print(f"Elapsed: {elapsed:.3f}s")
        return False

async def main():
    async with Timer():
        await asyncio.sleep(0.5)

asyncio.run(main())
