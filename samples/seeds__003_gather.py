# seed 003 ("async and await"): Using gather (Preferred), with fetch from the earlier example
import asyncio

async def fetch(url):
    await asyncio.sleep(1)  # Simulate network delay
    return f"Data from {url}"

async def main():
    results = await asyncio.gather(
        fetch("url1"),
        fetch("url2"),
        fetch("url3")
    )
    # results = ["Data from url1", "Data from url2", "Data from url3"]
    # Total: ~1 second
    print(results)

asyncio.run(main())
