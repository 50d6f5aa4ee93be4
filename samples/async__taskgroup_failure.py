import asyncio


async def worker(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError(f"{name} broke")
        print(f"{name} finished")
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w1", 1))
            tg.create_task(worker("w2", 2, fail=True))
            tg.create_task(worker("w3", 5))
            tg.create_task(worker("w4", 3, fail=True))
    except* ValueError as eg:
        print("caught", repr(eg))
        for e in eg.exceptions:
            print("  ->", repr(e))
    print("after group at", asyncio.get_running_loop().time())


asyncio.run(main())
