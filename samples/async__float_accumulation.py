import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    for _ in range(10):
        await asyncio.sleep(0.1)
    print(loop.time(), time.time(), time.monotonic(), time.perf_counter())
    await asyncio.sleep(0.2)
    print(loop.time(), f"{loop.time():.3f}")
    start = loop.time()
    await asyncio.sleep(1 / 3)
    print(loop.time() - start, loop.time())


asyncio.run(main())
