import asyncio


async def work():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("work: CancelledError args =", e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: ignoring the first cancel")
    await asyncio.sleep(1)
    return "stubborn finished anyway"


async def main():
    t = asyncio.create_task(work())
    await asyncio.sleep(1)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: args =", e.args)
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    s.cancel()
    print(await s, "cancelled():", s.cancelled(), "cancelling():", s.cancelling())
    u = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    u.cancel()
    u.cancel()
    print("cancelling count:", u.cancelling(), "uncancel ->", u.uncancel())
    await asyncio.gather(u, return_exceptions=True)
    print("u cancelled:", u.cancelled())


asyncio.run(main())
