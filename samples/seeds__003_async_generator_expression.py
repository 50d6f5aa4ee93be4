# seed 003 ("async and await"): Async Comprehensions, generator form (helpers, iteration and run added)
import asyncio

async def async_url_generator():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield f"url{i}"

async def fetch(url):
    await asyncio.sleep(1)
    return f"Data from {url}"

# Async generator expression
async def main():
    gen = (await fetch(url) async for url in async_url_generator())
    print(type(gen).__name__)
    async for item in gen:
        print(item)

asyncio.run(main())
