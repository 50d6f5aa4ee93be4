import asyncio

switches = 0


async def spinner():
    global switches
    for _ in range(1000):
        await asyncio.sleep(0)
        switches += 1


async def main():
    await asyncio.gather(*(spinner() for _ in range(1000)))
    print(switches)


asyncio.run(main())
