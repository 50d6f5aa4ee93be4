# seed 004 ("Async Explained"): The problem async solves, async form (fetch and main filled in)
import asyncio

async def fetch(url):
    await asyncio.sleep(1)
    return f"response from {url}"

async def main():
    # This takes ~1 second total — all three run concurrently.
    data1, data2, data3 = await asyncio.gather(
    fetch("https://api1.com"),
    fetch("https://api2.com"),
    fetch("https://api3.com"),
    )
    print(data1, data2, data3, sep="\n")

asyncio.run(main())
