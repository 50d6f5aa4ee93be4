import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner timeout fired at", loop.time())
            await asyncio.sleep(1)
            print("outer block continues at", loop.time())
    except TimeoutError:
        print("outer should not fire")
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(5) as inner:
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner should not fire")
            finally:
                print("inner expired?", inner.expired())
    except TimeoutError:
        print("outer timeout fired at", loop.time(), "expired:", outer.expired())
    async with asyncio.timeout(10) as cm:
        await asyncio.sleep(0.5)
    print("no timeout; expired?", cm.expired(), "when:", cm.when())


asyncio.run(main())
