import asyncio


async def fetch(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name} ({seconds}s)"


async def main():
    loop = asyncio.get_running_loop()
    # as_completed starts its awaitables in set order, which CPython derives
    # from memory addresses: equal finishing times would make the order of
    # those lines an accident of allocation, so every time here differs.
    coros = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2), fetch("quick", 1.5)]
    for next_done in asyncio.as_completed(coros):
        result = await next_done
        print(f"{loop.time()}: {result}")
    try:
        for next_done in asyncio.as_completed([fetch("a", 1), fetch("b", 5)], timeout=2):
            print(f"{loop.time()}: {await next_done}")
    except TimeoutError:
        print(f"{loop.time()}: as_completed timed out")
    await asyncio.sleep(3)


asyncio.run(main())
