# conformance: skip-cpython (aiohttp and a real network are not available to the reference)
# seed 002 (Celeste AI): Async context manager
import asyncio
import aiohttp

async def main():
  async with aiohttp.ClientSession() as session:
    async with session.get("https://example.com") as r:
      text = await r.text()
  print(len(text))

asyncio.run(main())
