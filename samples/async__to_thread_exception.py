import asyncio
import time


def flaky(n):
    time.sleep(0.5)
    if n % 2:
        raise ValueError(f"thread job {n} failed")
    return n


async def main():
    results = await asyncio.gather(*(asyncio.to_thread(flaky, n) for n in range(4)), return_exceptions=True)
    print(results, asyncio.get_running_loop().time())
    try:
        await asyncio.to_thread(flaky, 1)
    except ValueError as e:
        print("caught from thread:", e)
    print(await asyncio.to_thread(sorted, [3, 1, 2]), await asyncio.to_thread(lambda: "lambda in thread"))


asyncio.run(main())
