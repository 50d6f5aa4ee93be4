import asyncio


def say(msg, loop):
    print(f"{loop.time():.2f} {msg}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, say, "call_later 0.3", loop)
    loop.call_at(loop.time() + 0.1, say, "call_at +0.1", loop)
    h = loop.call_later(0.2, say, "cancelled, never printed", loop)
    loop.call_soon(say, "call_soon 1", loop)
    loop.call_soon(say, "call_soon 2", loop)
    loop.call_later(0, say, "call_later 0", loop)
    loop.call_later(-1, say, "call_later -1 (in the past)", loop)
    h.cancel()
    print("handle cancelled:", h.cancelled(), "when:", h.when())
    print(f"{loop.time():.2f} main sleeps")
    await asyncio.sleep(0.5)
    print(f"{loop.time():.2f} main wakes")
    loop.call_soon(lambda: loop.call_soon(say, "nested call_soon", loop))
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    print("after two iterations")


asyncio.run(main())
