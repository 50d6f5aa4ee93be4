# seed 003 ("async and await"): Common Mistakes 4. Not Running Coroutines
import asyncio

async def my_task():
    print("Running")

# ❌ Does nothing - coroutine created but never run
my_task()

# ✅ Actually runs the coroutine
asyncio.run(my_task())
