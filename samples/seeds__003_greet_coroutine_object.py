# seed 003 ("async and await"): The async Keyword
async def greet(name):
    return f"Hello, {name}"

# Calling returns a coroutine object
coro = greet("Alice")
print(coro)  #

# Must run it to get the result
import asyncio
result = asyncio.run(greet("Alice"))
print(result)  # "Hello, Alice"
