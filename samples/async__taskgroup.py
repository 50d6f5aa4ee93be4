import asyncio


async def fetch(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done at {asyncio.get_running_loop().time()}")
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("alpha", 2))
        t2 = tg.create_task(fetch("beta", 1), name="beta-task")
        print("tasks created; leaving the block waits for them")
    print("results:", t1.result(), t2.result(), t2.get_name())
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok at", asyncio.get_running_loop().time())


asyncio.run(main())
