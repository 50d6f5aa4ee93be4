import asyncio


async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


async def square(x):
    await asyncio.sleep(0.05)
    return x * x


async def main():
    print([i async for i in ticks(4)])
    print({i % 2 async for i in ticks(5)})
    print({i: await square(i) async for i in ticks(3)})
    print([await square(i) for i in range(3)])
    print([i async for i in ticks(6) if i % 2 == 0])
    print(sum([await square(i) for i in range(4)]))
    print("t =", round(asyncio.get_running_loop().time(), 6))


asyncio.run(main())
