import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print(f"open {name}")
    await asyncio.sleep(0.5)
    try:
        yield f"conn-{name}"
    except RuntimeError as e:
        print(f"{name} saw {e!r}")
        raise
    finally:
        await asyncio.sleep(0.5)
        print(f"close {name}")


async def main():
    async with connection("db") as conn:
        print("using", conn)
    try:
        async with connection("cache"):
            raise RuntimeError("cache down")
    except RuntimeError:
        print("error propagated")
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(connection("a"))
        b = await stack.enter_async_context(connection("b"))
        print("stack holds", a, b)
    print("t =", asyncio.get_running_loop().time())


asyncio.run(main())
