import asyncio


async def inner():
    try:
        await asyncio.sleep(5)
        return "inner done"
    except asyncio.CancelledError:
        print("inner: cancelled because the awaiting task was cancelled")
        raise


async def outer():
    child = asyncio.create_task(inner(), name="child")
    try:
        return await child
    except asyncio.CancelledError:
        print("outer: cancelled; child cancelled?", child.cancelled(), "child done?", child.done())
        raise


async def main():
    task = asyncio.create_task(outer(), name="outer")
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: outer cancelled")
    await asyncio.sleep(0)
    print([t.get_name() for t in asyncio.all_tasks()])


asyncio.run(main())
