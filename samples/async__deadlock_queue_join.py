# kairos: deadlock
import asyncio


async def worker(q):
    item = await q.get()
    print("worker got", item, "but forgets task_done()")


async def main():
    q = asyncio.Queue()
    for i in range(2):
        q.put_nowait(i)
    asyncio.create_task(worker(q))
    await asyncio.sleep(0.5)
    print("joining the queue")
    await q.join()
    print("never printed")


asyncio.run(main())
