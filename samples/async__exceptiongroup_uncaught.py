import asyncio


async def fails(kind, seconds):
    await asyncio.sleep(seconds)
    raise kind(f"{kind.__name__} after {seconds}s")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fails(ValueError, 1))
        tg.create_task(fails(TypeError, 1))


asyncio.run(main())
