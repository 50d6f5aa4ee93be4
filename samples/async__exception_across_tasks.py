import asyncio


async def parse(record):
    await asyncio.sleep(0.1)
    return int(record)


async def load(records):
    tasks = [asyncio.create_task(parse(r)) for r in records]
    return [await t for t in tasks]


async def main():
    print(await load(["1", "2"]))
    try:
        await load(["3", "four"])
    except ValueError as e:
        print("caught across tasks:", e)
    task = asyncio.create_task(parse("x"))
    await asyncio.sleep(1)
    print("task done:", task.done(), "exception:", repr(task.exception()))
    print(await load(["5", "six"]))


asyncio.run(main())
