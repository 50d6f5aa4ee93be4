# seed 001 (David Miller, "Python Async Await"): Mistake 2: using blocking code inside async
# (the tutorial only has the two comments below; the program around them shows the difference)
import asyncio
import time

async def blocking_worker(name):
    print(f"{name} start at {time.perf_counter():.1f}")
    # Avoid time.sleep() inside async code
    time.sleep(1)
    print(f"{name} end at {time.perf_counter():.1f}")

async def polite_worker(name):
    print(f"{name} start at {time.perf_counter():.1f}")
    # Use: await asyncio.sleep()
    await asyncio.sleep(1)
    print(f"{name} end at {time.perf_counter():.1f}")

async def main():
    await asyncio.gather(blocking_worker("b1"), blocking_worker("b2"))
    await asyncio.gather(polite_worker("p1"), polite_worker("p2"))

asyncio.run(main())
