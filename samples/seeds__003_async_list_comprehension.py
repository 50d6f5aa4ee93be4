# seed 003 ("async and await"): Async Comprehensions, list form (helpers, print and run added)
import asyncio

async def async_url_generator():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield f"url{i}"

async def fetch(url):
    await asyncio.sleep(1)
    return f"Data from {url}"

# Async list comprehension
async def main():
    results = [await fetch(url) async for url in async_url_generator()]
    print(results)

asyncio.run(main())
