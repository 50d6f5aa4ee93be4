# seed 003 ("async and await"): Async Generator (Simpler) (run added)
import asyncio

async def async_counter(stop):
    for i in range(stop):
        await asyncio.sleep(0.1)
        yield i

async def main():
    async for num in async_counter(5):
        print(num)

asyncio.run(main())
