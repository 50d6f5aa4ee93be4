# seed 002 (Celeste AI): In Python 3.11+, asyncio.timeout() (uncaught, as in the tutorial)
import asyncio

async def slow_fetch(name, delay):
  print(f"Fetching {name}...")
  await asyncio.sleep(delay)
  return f"{name} done"

async def main():
  async with asyncio.timeout(1.0):
    result = await slow_fetch("initech.com", 3.0)

asyncio.run(main())
