# seed 004 ("Async Explained"): Common mistakes: the fix, await it directly
import asyncio

async def other_coroutine():
    await asyncio.sleep(1)
    return "other"

async def good():
    await other_coroutine() # Just await it directly
    print("awaited directly")

asyncio.run(good())
