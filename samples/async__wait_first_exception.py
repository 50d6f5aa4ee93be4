import asyncio


async def ok(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def bad(seconds):
    await asyncio.sleep(seconds)
    raise OSError(f"failed after {seconds}")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(ok(1), name="ok1"), asyncio.create_task(bad(2), name="bad2"),
             asyncio.create_task(ok(4), name="ok4")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(loop.time(), sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(" ", t.get_name(), repr(t.exception()))
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print(loop.time(), [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait([asyncio.create_task(ok(1))], timeout=0)
    print("timeout=0:", len(done), len(pending))
    await asyncio.wait(pending)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
