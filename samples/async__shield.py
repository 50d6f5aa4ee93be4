import asyncio


async def critical_write():
    print("write started")
    await asyncio.sleep(2)
    print("write committed at", asyncio.get_running_loop().time())
    return "committed"


async def handler():
    inner = asyncio.create_task(critical_write())
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("handler cancelled, but the write continues; inner cancelled?", inner.cancelled())
        raise
    finally:
        handler.inner = inner


async def main():
    t = asyncio.create_task(handler())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: handler task cancelled at", asyncio.get_running_loop().time())
    print("result of the shielded work:", await handler.inner)
    try:
        print(await asyncio.wait_for(asyncio.shield(critical_write()), timeout=0.5))
    except TimeoutError:
        print("wait_for timed out; shielded coroutine keeps running")
    await asyncio.sleep(2)


asyncio.run(main())
