import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke at {asyncio.get_running_loop().time()}")


async def main():
    # Timers due at the same instant fire in the order they were scheduled.
    tasks = [asyncio.create_task(worker(f"w{i}", [1, 2, 1, 0.5, 2, 1][i % 6])) for i in range(18)]
    await asyncio.gather(*tasks)
    loop = asyncio.get_running_loop()
    for i in range(6):
        loop.call_later(1, print, "call_later", i)
    for i in range(3):
        loop.call_at(loop.time() + 1, print, "call_at", i)
    await asyncio.sleep(1)
    await asyncio.sleep(0)
    print("done at", loop.time())


asyncio.run(main())
