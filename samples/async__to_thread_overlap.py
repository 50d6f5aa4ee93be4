import asyncio
import time


def blocking_io(name, seconds):
    print(f"[thread] {name} start at {time.time():.1f}")
    time.sleep(seconds)
    print(f"[thread] {name} end at {time.time():.1f}")
    return f"{name} result"


async def ticker(n):
    for i in range(n):
        print(f"[loop] tick {i} at {time.time():.1f}")
        await asyncio.sleep(0.4)


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(
        asyncio.to_thread(blocking_io, "disk", 1),
        asyncio.to_thread(blocking_io, "net", 1.5),
        ticker(5),
    )
    print(results)
    print(f"total {time.perf_counter() - start:.2f}s")


asyncio.run(main())
