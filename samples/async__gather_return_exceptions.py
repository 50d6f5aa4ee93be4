import asyncio


async def ok(n):
    await asyncio.sleep(n)
    return n * 10


async def fail(n, exc):
    await asyncio.sleep(n)
    raise exc


async def main():
    results = await asyncio.gather(
        ok(1), fail(0.5, ValueError("bad input")), ok(0.2), fail(1.5, KeyError("k")),
        return_exceptions=True,
    )
    print(results)
    for r in results:
        kind = "error" if isinstance(r, BaseException) else "value"
        print(f"  {kind}: {r!r}")
    print(await asyncio.gather(), await asyncio.gather(ok(0)))
    print("t =", asyncio.get_running_loop().time())


asyncio.run(main())
