# seed 002 (Celeste AI): gather with return_exceptions=True (the "..." filled in)
import asyncio

async def fetch_async(name, delay):
  print(f"Fetching {name}...")
  await asyncio.sleep(delay)
  if name.startswith("bad"):
    raise ConnectionError(f"{name} refused the connection")
  return f"{name} done"

async def main():
  results = await asyncio.gather(
    fetch_async("acme.com", 1.0), fetch_async("bad.example", 0.5), fetch_async("globex.com", 0.7),
    return_exceptions=True
  )

  for r in results:
    if isinstance(r, Exception):
      print(f"Failed: {r}")
    else:
      print(f"Got: {r}")

asyncio.run(main())
