# seed 002 (Celeste AI): If you must run sync code, use asyncio.to_thread
import asyncio
import time

def blocking_function(name, seconds):
  print(f"{name}: blocking for {seconds}s in a thread")
  time.sleep(seconds)
  print(f"{name}: done at {time.time():.1f}s")
  return name.upper()

arg1, arg2 = "report", 2

async def good():
  await asyncio.to_thread(blocking_function, arg1, arg2)

async def heartbeat():
  for i in range(4):
    print(f"heartbeat {i} at {time.time():.1f}s")
    await asyncio.sleep(0.5)

async def main():
  await asyncio.gather(good(), heartbeat())

asyncio.run(main())
