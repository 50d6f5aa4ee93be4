import asyncio


class Transaction:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"BEGIN {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        if exc_type is None:
            print(f"COMMIT {self.name}")
        else:
            print(f"ROLLBACK {self.name} because {exc!r}")
        return self.swallow


async def main():
    async with Transaction("t1") as t:
        print("working in", t.name)
    async with Transaction("t2", swallow=True):
        raise ValueError("constraint violated")
    print("t2 error swallowed")
    try:
        async with Transaction("t3"), Transaction("t4"):
            raise KeyError("missing row")
    except KeyError as e:
        print("propagated", repr(e))
    print("time", round(asyncio.get_running_loop().time(), 6))


asyncio.run(main())
