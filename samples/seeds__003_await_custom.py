# seed 003 ("async and await"): What Can Be Awaited? 4. Objects with __await__
import asyncio

class MyAwaitable:
    def __await__(self):
        yield
        return "custom result"

async def main():
    result = await MyAwaitable()  # ✅ Has __await__
    print(result)

asyncio.run(main())
