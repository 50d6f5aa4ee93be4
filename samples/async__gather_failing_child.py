import asyncio


async def worker(name, seconds, fail=False):
    print(f"{name} start")
    await asyncio.sleep(seconds)
    if fail:
        print(f"{name} raising")
        raise RuntimeError(f"{name} failed")
    print(f"{name} done at {asyncio.get_running_loop().time()}")
    return name


async def main():
    tasks = [asyncio.create_task(worker("a", 3)), asyncio.create_task(worker("b", 1, fail=True)),
             asyncio.create_task(worker("c", 2))]
    try:
        await asyncio.gather(*tasks)
    except RuntimeError as e:
        print("gather raised:", e, "at", asyncio.get_running_loop().time())
    print("others still running:", [t.done() for t in tasks])
    await asyncio.sleep(3)
    print("results after waiting:", [t.result() if not t.exception() else repr(t.exception()) for t in tasks])


asyncio.run(main())
