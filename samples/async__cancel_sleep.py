import asyncio


async def sleeper():
    try:
        print("sleeper: going to sleep for 10s")
        await asyncio.sleep(10)
        print("never printed")
    except asyncio.CancelledError:
        print("sleeper: cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("sleeper: cleanup")


async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(1.5)
    print("main: cancel() returns", task.cancel())
    print("main: cancelling() =", task.cancelling(), "done =", task.done())
    try:
        await task
    except asyncio.CancelledError:
        print("main: task raised CancelledError")
    print("cancelled:", task.cancelled(), "done:", task.done(), "cancel again:", task.cancel())


asyncio.run(main())
