# seed 002 (Celeste AI): Async iteration (urls, fetch and process filled in; async for moved into main)
import asyncio

urls = ["a.example", "b.example", "c.example"]

async def fetch(url):
  await asyncio.sleep(0.5)
  return f"<page {url}>"

def process(page):
  print("processing", page)

async def fetch_pages():
  for url in urls:
    yield await fetch(url)

async def main():
  async for page in fetch_pages():
    process(page)

asyncio.run(main())
