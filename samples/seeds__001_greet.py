# seed 001 (David Miller, "Python Async Await"): Your first async function
import asyncio
async def greet(name):
    print(f"Hello {name}!")
    await asyncio.sleep(1) # pretend we are waiting for network
    print(f"Goodbye {name}!")
asyncio.run(greet("Tom"))
