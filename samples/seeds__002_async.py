# seed 002 (Celeste AI): Sync vs async, async part (time imported by the tutorial's sync part)
import time
import asyncio

async def fetch_async(name, delay):
  print(f"Fetching {name}...")
  await asyncio.sleep(delay)
  return f"{name} done"

async def main():
  start = time.time()
  r1, r2 = await asyncio.gather(
    fetch_async("acme.com", 1.0),
    fetch_async("globex.com", 1.0)
  )
  print(f"Took {time.time() - start:.2f}s")

asyncio.run(main())
# Took 1.00s — concurrent
