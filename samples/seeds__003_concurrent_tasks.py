# seed 003 ("async and await"): Concurrent (Fast), with fetch from the previous example
import asyncio

async def fetch(url):
    await asyncio.sleep(1)  # Simulate network delay
    return f"Data from {url}"

async def main():
    # Create tasks - starts all immediately
    task1 = asyncio.create_task(fetch("url1"))
    task2 = asyncio.create_task(fetch("url2"))
    task3 = asyncio.create_task(fetch("url3"))

    # Await results
    result1 = await task1
    result2 = await task2
    result3 = await task3
    # Total: ~1 second (parallel execution)
    print(result1, result2, result3)

asyncio.run(main())
