# seed 002 (Celeste AI): Common patterns: run with concurrency limit (fetch and a driver added)
import asyncio
import time

async def fetch(url):
  print(f"{time.time():4.1f}s start {url}")
  await asyncio.sleep(1)
  return f"body of {url}"

# Run with concurrency limit
async def fetch_all_throttled(urls, max_concurrent=5):
  sem = asyncio.Semaphore(max_concurrent)

  async def with_sem(url):
    async with sem:
      return await fetch(url)

  return await asyncio.gather(*[with_sem(u) for u in urls])

results = asyncio.run(fetch_all_throttled([f"u{i}" for i in range(12)]))
print(len(results), results[0], results[-1], f"{time.time():.1f}s")
