import asyncio

print("top")
await asyncio.sleep(1)
