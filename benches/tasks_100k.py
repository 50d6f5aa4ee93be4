import asyncio


async def sleeper(i):
    await asyncio.sleep(i / 10_000)
    return i


async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(100_000)))
    print(len(results), sum(results), asyncio.get_running_loop().time())


asyncio.run(main())
