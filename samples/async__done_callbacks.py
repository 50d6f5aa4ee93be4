import asyncio
import functools


def announce(label, fut):
    if fut.cancelled():
        state = "cancelled"
    elif fut.exception() is not None:
        state = f"failed with {fut.exception()!r}"
    else:
        state = f"result {fut.result()!r}"
    print(f"callback {label}: {state} at {asyncio.get_running_loop().time()}")


async def work(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise RuntimeError("work failed")
    return seconds * 2


async def main():
    t1 = asyncio.create_task(work(1))
    t1.add_done_callback(functools.partial(announce, "first"))
    t1.add_done_callback(functools.partial(announce, "second"))
    t2 = asyncio.create_task(work(0.5, fail=True))
    t2.add_done_callback(functools.partial(announce, "failing"))
    t3 = asyncio.create_task(work(5))
    cb = functools.partial(announce, "removed")
    t3.add_done_callback(cb)
    print("removed count:", t3.remove_done_callback(cb))
    t3.add_done_callback(functools.partial(announce, "cancelled one"))
    await asyncio.sleep(2)
    t3.cancel()
    await asyncio.sleep(0)
    print("awaiting results")
    print(await t1, t2.exception())
    await asyncio.sleep(0)
    late = asyncio.create_task(work(0))
    await late
    late.add_done_callback(functools.partial(announce, "added after done"))
    print("added after done")
    await asyncio.sleep(0)


asyncio.run(main())
