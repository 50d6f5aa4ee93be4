import asyncio
import concurrent.futures
import time


def blocking(label, seconds):
    time.sleep(seconds)
    if label == "boom":
        raise ValueError("boom in a thread")
    return f"{label}:{seconds}"


async def ticker():
    for i in range(4):
        print(f"tick {i} at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    tick = asyncio.create_task(ticker())
    results = await asyncio.gather(
        loop.run_in_executor(pool, blocking, "a", 1.5),
        loop.run_in_executor(pool, blocking, "b", 1),
        loop.run_in_executor(pool, blocking, "boom", 0.5),
        return_exceptions=True,
    )
    print(results, loop.time())
    await tick
    fut = pool.submit(blocking, "wrapped", 2)
    print(await asyncio.wrap_future(fut), loop.time(), fut.done())
    waiting = loop.run_in_executor(pool, blocking, "slow", 10)
    try:
        await asyncio.wait_for(waiting, timeout=1)
    except asyncio.TimeoutError:
        print("wait_for timed out at", loop.time(), waiting.cancelled())
    pool.shutdown(wait=True)
    print("shutdown returned at", loop.time())
    loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=2))
    start = loop.time()
    print(await asyncio.gather(*(asyncio.to_thread(blocking, f"d{i}", 1) for i in range(4))),
          loop.time() - start)


asyncio.run(main())
print("after run", time.monotonic())
