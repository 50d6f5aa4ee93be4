import asyncio
import time


async def heartbeat():
    for i in range(4):
        print(f"heartbeat {i} at {time.monotonic():.1f}")
        await asyncio.sleep(1)


async def blocker():
    await asyncio.sleep(0.5)
    print(f"blocker calls time.sleep(2) at {time.monotonic():.1f}")
    time.sleep(2)
    print(f"blocker returns at {time.monotonic():.1f}")


async def main():
    await asyncio.gather(heartbeat(), blocker())
    print(f"end at {time.monotonic():.1f}; loop.time() = {asyncio.get_running_loop().time()}")


asyncio.run(main())
