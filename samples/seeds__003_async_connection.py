# seed 003 ("async and await"): Async Context Managers
import asyncio

class AsyncConnection:
    async def __aenter__(self):
        print("Connecting...")
        await asyncio.sleep(0.1)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        print("Disconnecting...")
        await asyncio.sleep(0.1)

async def main():
    async with AsyncConnection() as conn:
        print("Using connection")

asyncio.run(main())
