# seed 004 ("Async Explained"): asyncio.sleep() vs time.sleep() (the await moved into a coroutine)
import asyncio
# BAD — blocks everything. No other coroutine can run.
import time
time.sleep(5)
print(f"after time.sleep: {time.monotonic()}")

async def main():
    # GOOD — pauses this coroutine. Others can run while we wait.
    await asyncio.sleep(5)
    print(f"after asyncio.sleep: {time.monotonic()}")

asyncio.run(main())
