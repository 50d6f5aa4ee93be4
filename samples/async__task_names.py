import asyncio


async def job(seconds):
    await asyncio.sleep(seconds)
    return asyncio.current_task().get_name()


async def main():
    me = asyncio.current_task()
    print("main task:", me.get_name())
    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2), name="downloader")
    t3 = asyncio.create_task(job(3))
    t3.set_name("renamed")
    print(t1.get_name(), t2.get_name(), t3.get_name())
    print(t2)
    print(await asyncio.gather(t1, t2, t3))
    print(t2)
    g = asyncio.gather(job(0))
    await g
    print(me.get_coro().__name__, repr(me.get_coro().__qualname__))


asyncio.run(main())
