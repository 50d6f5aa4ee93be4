# seed 003 ("async and await"): What Can Be Awaited? 2. Tasks (run and print added)
import asyncio

async def my_coroutine():
    return "result"

async def main():
    task = asyncio.create_task(my_coroutine())
    result = await task  # ✅ Task is awaitable
    print(result, task.done())

asyncio.run(main())
