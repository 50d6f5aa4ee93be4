import asyncio


async def producer(q, name, count):
    for i in range(count):
        item = f"{name}-{i}"
        await q.put(item)
        print(f"{asyncio.get_running_loop().time():.1f} put {item} (size {q.qsize()})")
        await asyncio.sleep(0.3)


async def consumer(q, name):
    while True:
        item = await q.get()
        print(f"{asyncio.get_running_loop().time():.1f} {name} handles {item}")
        await asyncio.sleep(1)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await asyncio.gather(producer(q, "p", 5), producer(q, "r", 2))
    await q.join()
    print("all work done at", asyncio.get_running_loop().time(), "empty:", q.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)


asyncio.run(main())
