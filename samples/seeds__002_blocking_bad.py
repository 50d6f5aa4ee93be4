# seed 002 (Celeste AI): A sync call in async = the kiss of death (fetch_data and a ticker added)
import asyncio
import time

async def fetch_data():
  await asyncio.sleep(1)
  print(f"fetched at {time.time():.0f}s")

async def ticker():
  for i in range(3):
    print(f"tick {i} at {time.time():.0f}s")
    await asyncio.sleep(1)

async def bad():
  time.sleep(5)        # blocks the event loop! everything else stops.
  await fetch_data()

async def main():
  await asyncio.gather(ticker(), bad())

asyncio.run(main())
