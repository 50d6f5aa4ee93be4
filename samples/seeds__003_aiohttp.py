# conformance: skip-cpython (aiohttp and a real network are not available to the reference)
# seed 003 ("async and await"): Real-World Example (a call added)
import asyncio
import aiohttp

async def fetch(url):
    async with aiohttp.ClientSession() as session:  # Async context manager
        async with session.get(url) as response:  # Another one
            return await response.text()

print(len(asyncio.run(fetch("https://example.com"))))
