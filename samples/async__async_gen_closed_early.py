import asyncio


async def numbers():
    try:
        for i in range(100):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("numbers: finally (generator closed)")


async def main():
    async for n in numbers():
        print("got", n)
        if n == 2:
            break
    await asyncio.sleep(0)
    gen = numbers()
    print(await gen.__anext__(), await anext(gen))
    await gen.aclose()
    try:
        await anext(gen)
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    print("end of main")


asyncio.run(main())
print("after asyncio.run")
