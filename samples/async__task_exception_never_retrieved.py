import asyncio


async def doomed():
    await asyncio.sleep(0.5)
    raise ValueError("nobody will look at this")


async def main():
    asyncio.create_task(doomed())
    await asyncio.sleep(1)
    print("main finished without awaiting the failed task")


asyncio.run(main())
print("after run")
