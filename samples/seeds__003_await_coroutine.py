# seed 003 ("async and await"): What Can Be Awaited? 1. Coroutines (run and print added)
import asyncio

async def my_coroutine():
    return "result"

async def main():
    result = await my_coroutine()  # ✅ Coroutine is awaitable
    print(result)

asyncio.run(main())
