import asyncio


async def finishes_at(t, label):
    await asyncio.sleep(t)
    print(f"{label}: inner finished at {asyncio.get_running_loop().time()}")
    return label


async def main():
    # The inner task finishes at exactly the instant the timeout expires.
    for label in ["first", "second"]:
        try:
            result = await asyncio.wait_for(finishes_at(1, label), timeout=1)
            print(f"{label}: wait_for returned {result!r}")
        except TimeoutError:
            print(f"{label}: wait_for timed out")
    inner = asyncio.create_task(finishes_at(2, "pre-made task"))
    await asyncio.sleep(1)
    try:
        print(await asyncio.wait_for(inner, timeout=1))
    except TimeoutError:
        print("task version timed out; inner cancelled:", inner.cancelled())
    print("now", asyncio.get_running_loop().time())


asyncio.run(main())
