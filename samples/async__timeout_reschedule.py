import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 2)
            print("rescheduled to", cm.when())
            await asyncio.sleep(1)
            cm.reschedule(loop.time() + 0.5)
            await asyncio.sleep(10)
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() + 1) as cm2:
            await asyncio.sleep(0.25)
            print("inside timeout_at, deadline", cm2.when())
            await asyncio.sleep(2)
    except TimeoutError:
        print("timeout_at fired at", loop.time())
    async with asyncio.timeout(1) as cm3:
        cm3.reschedule(None)
        await asyncio.sleep(3)
    print("reschedule(None) disabled the timeout; now", loop.time())
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("a deadline in the past fires at the first await")


asyncio.run(main())
