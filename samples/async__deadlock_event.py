# kairos: deadlock
import asyncio


async def waiter(event):
    print("waiting for an event nobody sets")
    await event.wait()
    print("never printed")


async def main():
    event = asyncio.Event()
    await asyncio.sleep(1)
    await asyncio.gather(waiter(event), asyncio.sleep(2))


asyncio.run(main())
