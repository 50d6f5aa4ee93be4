import asyncio


async def spinner(name, turns):
    for i in range(turns):
        print(f"{name}{i}", end=" ")
        await asyncio.sleep(0)
    return name


async def main():
    results = await asyncio.gather(spinner("a", 3), spinner("b", 5), spinner("c", 2))
    print()
    print(results)
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon 1")
    loop.call_soon(print, "call_soon 2")
    print("before yielding")
    await asyncio.sleep(0)
    print("after one yield")
    print("time still", loop.time())


asyncio.run(main())
