import asyncio


async def doomed(n):
    await asyncio.sleep(n)
    raise KeyError(f"key{n}")


async def main():
    tasks = [asyncio.create_task(doomed(i)) for i in (1, 2)]
    await asyncio.sleep(3)
    print("states:", [t.done() for t in tasks])
    print("retrieved:", repr(tasks[0].exception()))
    print("main returns; the second task's exception was never retrieved")


asyncio.run(main())
