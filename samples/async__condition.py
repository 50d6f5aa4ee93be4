import asyncio

items = []


async def consumer(cond, name):
    async with cond:
        await cond.wait_for(lambda: len(items) > 0)
        item = items.pop(0)
        print(f"{name} got {item} at {asyncio.get_running_loop().time()}")


async def producer(cond):
    for i in range(3):
        await asyncio.sleep(1)
        async with cond:
            items.append(f"item{i}")
            print(f"produced item{i}")
            cond.notify()


async def broadcast(cond, flag):
    await asyncio.sleep(0.5)
    async with cond:
        flag.append(True)
        cond.notify_all()
        print("notified all")


async def listener(cond, flag, name):
    async with cond:
        while not flag:
            await cond.wait()
        print(f"{name} woke by notify_all")


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(*(consumer(cond, f"c{i}") for i in range(3)), producer(cond))
    flag = []
    await asyncio.gather(listener(cond, flag, "l1"), listener(cond, flag, "l2"), broadcast(cond, flag))
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
