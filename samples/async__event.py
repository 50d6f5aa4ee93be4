import asyncio


async def waiter(event, name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} proceeds at {asyncio.get_running_loop().time()}")


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(2)
    print("setting event; is_set =", event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print("after set: is_set =", event.is_set(), "wait returns", await event.wait())
    event.clear()
    late = asyncio.create_task(waiter(event, "late"))
    await asyncio.sleep(1)
    asyncio.get_running_loop().call_later(0.5, event.set)
    await late


asyncio.run(main())
