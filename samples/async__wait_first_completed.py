import asyncio


async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    tasks = [asyncio.create_task(job(n, s), name=n) for n, s in [("a", 3), ("b", 1), ("c", 2), ("d", 1)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("t =", asyncio.get_running_loop().time(), "done:", names(done), "pending:", names(pending))
    done, pending = await asyncio.wait(pending, timeout=1.5)
    print("t =", asyncio.get_running_loop().time(), "done:", names(done), "pending:", names(pending))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print("after cancel:", names(done), [t.cancelled() for t in done], pending)
    print(sorted(t.result() for t in tasks if not t.cancelled()))


asyncio.run(main())
