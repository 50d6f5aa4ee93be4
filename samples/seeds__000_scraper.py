# seed 000 (ShurAI, "Async and Await"): Real Example — Async Web Scraper (Simulated)
import asyncio

async def fetch_page(url, delay):
    print(f"  Fetching {url}...")
    await asyncio.sleep(delay)    # simulates network latency
    return f"<html from {url}>"

async def scrape_all(pages):
    print("Starting concurrent scrape...")
    tasks   = [fetch_page(url, delay) for url, delay in pages]
    results = await asyncio.gather(*tasks)
    return results

pages = [
    ("shurai.com/home",  1),
    ("shurai.com/about", 2),
    ("shurai.com/docs",  1.5),
]

results = asyncio.run(scrape_all(pages))
for r in results:
    print(f"  Got: {r}")
# All 3 pages fetched in ~2s (longest), not 4.5s (sum)
