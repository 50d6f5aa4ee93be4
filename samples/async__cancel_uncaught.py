import asyncio


async def worker():
    await asyncio.sleep(5)


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    print("awaiting the cancelled task without catching")
    await task


asyncio.run(main())
