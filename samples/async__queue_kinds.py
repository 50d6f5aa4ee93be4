import asyncio


async def main():
    pq = asyncio.PriorityQueue()
    for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait((prio, job))
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(4):
        await lq.put(i)
    print([await lq.get() for _ in range(4)])
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("only")
    try:
        q.put_nowait("overflow")
    except asyncio.QueueFull:
        print("QueueFull raised; full() =", q.full(), "maxsize =", q.maxsize)
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised; empty() =", q.empty())
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print("getter waiting:", not getter.done())
    q.put_nowait("handoff")
    print(await getter)


asyncio.run(main())
