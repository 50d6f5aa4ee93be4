# seed 004 ("Async Explained"): gather() vs create_task() (task_a/b/c and main filled in)
import asyncio

async def task_a():
    await asyncio.sleep(1)
    print("a finished")
    return "A"

async def task_b():
    await asyncio.sleep(2)
    print("b finished")
    return "B"

async def task_c():
    await asyncio.sleep(0.5)
    print("c finished")
    return "C"

async def main():
    # gather() — start all at once, wait for all to finish.
    results = await asyncio.gather(task_a(), task_b(), task_c())
    print(results)
    # create_task() — start a task in the background, get result later.
    task = asyncio.create_task(task_a())
    # ... do other things ...
    print("doing other things")
    result = await task
    print(result)

asyncio.run(main())
