# seed 002 (Celeste AI): async def: defining a coroutine, the await moved into an async function
import asyncio

async def my_function():
  return 42

async def main():
  coro = my_function()      # NOT executed
  print(coro)               # <coroutine object my_function at ...>
  result = await coro       # NOW it runs (only inside another async function)
  print(result)

asyncio.run(main())
