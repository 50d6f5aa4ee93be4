import asyncio


async def slow(name):
    try:
        print(f"{name}: started")
        await asyncio.sleep(5)
        return f"{name}: done"
    except asyncio.CancelledError:
        print(f"{name}: cancelled by wait_for at {asyncio.get_running_loop().time()}")
        raise


async def main():
    try:
        await asyncio.wait_for(slow("one"), timeout=2)
    except asyncio.TimeoutError as e:
        print("TimeoutError caught:", type(e).__name__, repr(e), e.__cause__ is not None)
    print(await asyncio.wait_for(slow("two"), timeout=None))
    print(await asyncio.wait_for(slow("three"), timeout=100))
    try:
        await asyncio.wait_for(slow("four"), timeout=0)
    except TimeoutError:
        print("timeout=0 times out at once")
    print("elapsed", asyncio.get_running_loop().time())


asyncio.run(main())
