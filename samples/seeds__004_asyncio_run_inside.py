# seed 004 ("Async Explained"): Common mistakes: Calling asyncio.run() inside async code
import asyncio

async def other_coroutine():
    await asyncio.sleep(1)
    return "other"

async def bad():
    asyncio.run(other_coroutine()) # Error: can't start a new loop inside one!

asyncio.run(bad())
