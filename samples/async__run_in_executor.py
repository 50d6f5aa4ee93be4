import asyncio
import concurrent.futures
import time


def crunch(label, seconds):
    time.sleep(seconds)
    return f"{label} after {seconds}s"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await loop.run_in_executor(None, crunch, "default pool", 2))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, crunch, f"job{i}", 1) for i in range(5)]
        for i, fut in enumerate(futures):
            print(await fut, "finished at", loop.time() - start)
    print("pool closed at", loop.time() - start)


asyncio.run(main())
