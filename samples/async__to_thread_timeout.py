import asyncio
import time


def long_job():
    print(f"job starts at {time.time():.1f}")
    time.sleep(3)
    print(f"job ends at {time.time():.1f} (threads cannot be cancelled)")
    return "job result"


async def main():
    try:
        await asyncio.wait_for(asyncio.to_thread(long_job), timeout=1)
    except TimeoutError:
        print(f"wait_for gave up at {time.time():.1f}")
    print("main returns; asyncio.run waits for the executor at shutdown")


asyncio.run(main())
print(f"after asyncio.run at {time.time():.1f}")
