import asyncio


async def leaf(name, t):
    await asyncio.sleep(t)
    print("leaf", name, "at", asyncio.get_running_loop().time())
    return name


async def branch(prefix, times):
    return await asyncio.gather(*(leaf(f"{prefix}{i}", t) for i, t in enumerate(times)))


async def main():
    result = await asyncio.gather(branch("x", [0.3, 0.1]), branch("y", [0.2]), leaf("z", 0.1))
    print(result)


asyncio.run(main())
