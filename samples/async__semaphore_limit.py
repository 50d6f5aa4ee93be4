import asyncio
import time


async def download(sem, i):
    async with sem:
        print(f"{time.perf_counter():.1f}s start {i} (locked now: {sem.locked()})")
        await asyncio.sleep(1 + (i % 3) * 0.5)
        print(f"{time.perf_counter():.1f}s end   {i}")
    return i


async def main():
    sem = asyncio.Semaphore(3)
    start = time.perf_counter()
    done = await asyncio.gather(*(download(sem, i) for i in range(8)))
    print(done, f"total {time.perf_counter() - start:.1f}s", "locked:", sem.locked())
    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        pass
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
