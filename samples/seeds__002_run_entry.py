# seed 002 (Celeste AI): asyncio.run(): the entry point (something() filled in)
import asyncio

async def something():
  print("something ran")

async def main():
  await something()

asyncio.run(main())
