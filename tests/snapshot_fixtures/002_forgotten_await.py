# Tutorial 002: "Forgetting to await gather/create_task. Coroutine warnings,
# no concurrency." The claimed warning is in 002_forgotten_await.err.
import asyncio

async def work(name):
    await asyncio.sleep(1)
    print(f"{name} done")

async def main():
    asyncio.create_task(work("task"))                    # not awaited
    asyncio.gather(work("gather a"), work("gather b"))   # not awaited
    await asyncio.sleep(1.5)

asyncio.run(main())
