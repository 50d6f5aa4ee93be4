# seed 003 ("async and await"): The await Keyword
import asyncio

async def fetch_data():
    print("Starting fetch...")
    await asyncio.sleep(1)  # Suspend here, let other tasks run
    print("Fetch complete!")
    return {"data": 42}

async def main():
    result = await fetch_data()  # Wait for fetch_data to complete
    print(result)

asyncio.run(main())
