import asyncio


async def waiter(fut):
    try:
        print("waiter: awaiting future")
        value = await fut
        print("never", value)
    except asyncio.CancelledError:
        print("waiter: cancelled; future cancelled too?", fut.cancelled())
        raise


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    await asyncio.sleep(1)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("task cancelled:", task.cancelled(), "future:", fut)
    fut2 = loop.create_future()
    loop.call_later(2, fut2.set_result, "filled later")
    print(await fut2, loop.time())
    fut3 = loop.create_future()
    fut3.cancel("stop it")
    try:
        await fut3
    except asyncio.CancelledError as e:
        print("CancelledError args:", e.args)


asyncio.run(main())
