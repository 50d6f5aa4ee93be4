# seed 002 (Celeste AI): Timeouts: asyncio.wait_for (slow_fetch filled in)
import asyncio

async def slow_fetch(name, delay):
  print(f"Fetching {name}...")
  await asyncio.sleep(delay)
  return f"{name} done"

async def main():
  try:
    result = await asyncio.wait_for(
      slow_fetch("initech.com", 3.0),
      timeout=1.0
    )
  except asyncio.TimeoutError:
    print("Took too long")

asyncio.run(main())
