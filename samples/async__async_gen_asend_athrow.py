import asyncio


async def echo():
    received = None
    try:
        while True:
            try:
                received = yield f"echo:{received}"
            except ValueError as e:
                received = f"handled {e}"
    finally:
        print("echo closed")


async def main():
    gen = echo()
    print(await gen.asend(None))
    print(await gen.asend("a"))
    print(await gen.athrow(ValueError("oops")))
    print(await gen.asend("b"))
    await gen.aclose()
    print(type(gen).__name__, gen.__name__)


asyncio.run(main())
