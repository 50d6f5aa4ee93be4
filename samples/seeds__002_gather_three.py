# seed 002 (Celeste AI): asyncio.gather: concurrent execution
import asyncio

async def fetch_async(name, delay):
  print(f"Fetching {name}...")
  await asyncio.sleep(delay)
  return f"{name} done"

async def main():
  results = await asyncio.gather(
    fetch_async("acme.com", 1.0),
    fetch_async("globex.com", 1.0),
    fetch_async("initech.com", 1.0)
  )
  # results is a list in the same order as the inputs
  print(results)

asyncio.run(main())
