# seed 002 (Celeste AI): async def: defining a coroutine, as written (await at module level)
async def my_function():
  return 42

coro = my_function()      # NOT executed
print(coro)               # <coroutine object my_function at ...>
result = await coro       # NOW it runs (only inside another async function)
