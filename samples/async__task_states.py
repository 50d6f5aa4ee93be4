import asyncio


async def work():
    await asyncio.sleep(1)
    return "result"


async def main():
    t = asyncio.create_task(work())
    print("pending:", t.done(), t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await asyncio.sleep(0)
    print(t)
    await t
    print("done:", t.done(), t.result(), t.exception(), t)
    c = asyncio.create_task(work())
    c.cancel()
    await asyncio.sleep(0)
    try:
        c.result()
    except asyncio.CancelledError:
        print("result() of a cancelled task raises CancelledError;", c)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
