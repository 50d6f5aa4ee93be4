# seed 003 ("async and await"): Common Mistakes 1. Forgetting await (both mains, as written)
import asyncio

async def fetch_data():
    print("Starting fetch...")
    await asyncio.sleep(1)
    return {"data": 42}

async def main():
    result = fetch_data()  # ❌ Missing await - returns coroutine object
    print(result)  #

async def main():
    result = await fetch_data()  # ✅ Correct
    print(result)  # Actual result

asyncio.run(main())
