# seed 004 ("Async Explained"): Common mistakes: Forgetting to await (placed in a coroutine)
import asyncio

async def some_async_function():
    await asyncio.sleep(1)
    return 42

async def main():
    result = some_async_function() # Returns a coroutine object, not the result!
    print(type(result).__name__)
    result = await some_async_function() # Actually runs and returns the result
    print(result)

asyncio.run(main())
