import asyncio


async def job(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled at t={asyncio.get_running_loop().time()}")
        raise


async def main():
    group = asyncio.gather(job("a", 1), job("b", 3), job("c", 5))
    waiter = asyncio.create_task(asyncio.wait_for(asyncio.shield(group), 10))

    async def canceller():
        await asyncio.sleep(2)
        print("cancelling the gather:", group.cancel())

    await canceller()
    try:
        await group
    except asyncio.CancelledError:
        print("gather raised CancelledError; cancelled() =", group.cancelled())
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter saw the cancellation too")


asyncio.run(main())
