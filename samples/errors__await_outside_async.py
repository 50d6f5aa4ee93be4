import asyncio


def fetch():
    await asyncio.sleep(1)
    return 1
