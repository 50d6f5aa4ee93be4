# kairos: deadlock
import asyncio


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("holding the lock, acquiring it again (asyncio.Lock is not reentrant)")
        async with lock:
            print("never printed")


asyncio.run(main())
