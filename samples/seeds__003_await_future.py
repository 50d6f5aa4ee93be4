# kairos: deadlock
# seed 003 ("async and await"): What Can Be Awaited? 3. Futures — nobody sets the future
import asyncio

async def main():
    future = asyncio.Future()
    # ... something sets future.set_result(value)
    print("awaiting a future that nothing will ever set")
    result = await future  # ✅ Future is awaitable

asyncio.run(main())
