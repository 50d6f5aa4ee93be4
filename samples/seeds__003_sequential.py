# seed 003 ("async and await"): Sequential (Slow)
import asyncio

async def fetch(url):
    await asyncio.sleep(1)  # Simulate network delay
    return f"Data from {url}"

async def main():
    # Each await blocks until complete
    result1 = await fetch("url1")  # 1 second
    result2 = await fetch("url2")  # 1 second
    result3 = await fetch("url3")  # 1 second
    # Total: 3 seconds

asyncio.run(main())
