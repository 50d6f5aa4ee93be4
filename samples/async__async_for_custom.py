import asyncio


class Ticker:
    def __init__(self, interval, count):
        self.interval = interval
        self.count = count

    def __aiter__(self):
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.interval)
        self.i += 1
        return self.i, asyncio.get_running_loop().time()


async def main():
    async for i, t in Ticker(0.25, 4):
        print(f"tick {i} at {t}")
    async for _ in Ticker(1, 0):
        print("never")
    else:
        print("empty async for ran its else")
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
