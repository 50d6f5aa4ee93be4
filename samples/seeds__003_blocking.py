# seed 003 ("async and await"): Common Mistakes 3. Blocking the Event Loop (driver added)
import asyncio
import time

async def bad_example():
    time.sleep(1)  # ❌ Blocks the entire event loop!
    return "done"

async def good_example():
    await asyncio.sleep(1)  # ✅ Yields control to event loop
    return "done"

async def main():
    start = time.perf_counter()
    print(await asyncio.gather(bad_example(), bad_example()), f"{time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    print(await asyncio.gather(good_example(), good_example()), f"{time.perf_counter() - start:.1f}s")

asyncio.run(main())
