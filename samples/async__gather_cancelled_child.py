import asyncio


async def victim():
    await asyncio.sleep(10)


async def survivor():
    await asyncio.sleep(2)
    return "survivor ok"


async def main():
    v = asyncio.create_task(victim())
    s = asyncio.create_task(survivor())
    g = asyncio.gather(v, s)
    await asyncio.sleep(1)
    v.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather propagated the child's cancellation at", asyncio.get_running_loop().time())
    print("survivor done?", s.done())
    print(await s)
    v2 = asyncio.create_task(victim())
    s2 = asyncio.create_task(survivor())
    g2 = asyncio.gather(v2, s2, return_exceptions=True)
    await asyncio.sleep(1)
    v2.cancel()
    print(await g2)


asyncio.run(main())
