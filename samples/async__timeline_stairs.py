import asyncio


async def stair(i):
    await asyncio.sleep(i * 0.25)
    start = asyncio.get_running_loop().time()
    print(f"{'  ' * i}step {i} starts at {start:.2f}")
    await asyncio.sleep(1)
    print(f"{'  ' * i}step {i} ends at {asyncio.get_running_loop().time():.2f}")
    return i


async def main():
    tasks = [asyncio.create_task(stair(i)) for i in range(5)]
    print(await asyncio.gather(*reversed(tasks)))


asyncio.run(main())
