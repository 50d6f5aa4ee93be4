import asyncio


async def holder(lock):
    async with lock:
        print("holder: got lock, holding 3s")
        await asyncio.sleep(3)
    print("holder: released")


async def contender(lock, name):
    try:
        print(f"{name}: waiting for lock")
        async with lock:
            print(f"{name}: got lock at {asyncio.get_running_loop().time()}")
    except asyncio.CancelledError:
        print(f"{name}: cancelled while waiting; locked = {lock.locked()}")
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    c1 = asyncio.create_task(contender(lock, "c1"))
    c2 = asyncio.create_task(contender(lock, "c2"))
    await asyncio.sleep(1)
    c1.cancel()
    await asyncio.gather(h, c1, c2, return_exceptions=True)
    print("c1 cancelled:", c1.cancelled(), "lock free:", not lock.locked())


asyncio.run(main())
