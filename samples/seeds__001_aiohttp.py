# conformance: skip-cpython (aiohttp and a real network are not available to the reference)
# seed 001 (David Miller, "Python Async Await"): Real-world example: async HTTP requests
import asyncio
import aiohttp
async def fetch_url(session, url):
    async with session.get(url) as resp:
        return await resp.text()
async def main():
    async with aiohttp.ClientSession() as session:
        html = await fetch_url(session, "https://example.com")
        print(html[:120])
asyncio.run(main())
