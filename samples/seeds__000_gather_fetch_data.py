# seed 000 (ShurAI, "Async and Await"): async def and await
import asyncio

async def fetch_data(name, delay):
    print(f"Starting: {name}")
    await asyncio.sleep(delay)    # pause HERE, let others run
    print(f"Done: {name}")
    return f"{name} result"

async def main():
    # Run both tasks concurrently with gather()
    results = await asyncio.gather(
        fetch_data("user",   2),
        fetch_data("orders", 3),
    )
    print(results)

asyncio.run(main())
