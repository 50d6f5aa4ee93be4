import asyncio


async def consumer(q):
    try:
        while True:
            item = await q.get()
            print("consumed", item, "at", asyncio.get_running_loop().time())
            q.task_done()
    except asyncio.CancelledError:
        print("consumer: cancelled while waiting on an empty queue; qsize =", q.qsize())
        raise


async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    for i in range(3):
        await asyncio.sleep(0.5)
        await q.put(i)
    await q.join()
    print("all items processed at", asyncio.get_running_loop().time())
    c.cancel()
    results = await asyncio.gather(c, return_exceptions=True)
    print(type(results[0]).__name__, c.cancelled())
    full = asyncio.Queue(maxsize=1)
    await full.put("x")
    putter = asyncio.create_task(full.put("y"))
    await asyncio.sleep(1)
    putter.cancel()
    await asyncio.sleep(0)
    print("putter cancelled:", putter.cancelled(), "queue:", full.qsize(), full.full())


asyncio.run(main())
