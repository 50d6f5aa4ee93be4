# seed 003 ("async and await"): Common Mistakes 1. Forgetting await (the wrong main only)
import asyncio

async def fetch_data():
    print("Starting fetch...")
    await asyncio.sleep(1)
    return {"data": 42}

async def main():
    result = fetch_data()  # ❌ Missing await - returns coroutine object
    print(result)  #

asyncio.run(main())
