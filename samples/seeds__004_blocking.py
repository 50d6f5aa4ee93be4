# seed 004 ("Async Explained"): Common mistakes: Using time.sleep() in async code (driver added)
import asyncio
import time

async def bad():
    time.sleep(5) # Blocks the entire event loop!

async def good():
    await asyncio.sleep(5) # Only pauses this coroutine

async def main():
    start = time.time()
    await asyncio.gather(bad(), bad())
    print(f"two bad(): {time.time() - start:.1f}s")
    start = time.time()
    await asyncio.gather(good(), good())
    print(f"two good(): {time.time() - start:.1f}s")

asyncio.run(main())
