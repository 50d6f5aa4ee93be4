import asyncio
import concurrent.futures
import time


def crunch(n):
    time.sleep(n)
    return n


async def heartbeat():
    for _ in range(6):
        print(f"beat at {time.monotonic():.1f}")
        await asyncio.sleep(1)


async def main():
    beat = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(crunch, n) for n in (2, 1, 1)]
        await asyncio.sleep(1.5)
        print("blocking the loop at", time.monotonic())
        for fut in concurrent.futures.as_completed(futures):
            print("completed", fut.result(), "at", time.monotonic())
        late = pool.submit(crunch, 3)
        print("leaving with at", time.monotonic())
    print("with exited at", time.monotonic(), late.result())
    await beat


asyncio.run(main())
