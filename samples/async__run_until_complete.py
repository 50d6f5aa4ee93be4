import asyncio


async def compute(x):
    await asyncio.sleep(x)
    return x * 10


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    print(loop.run_until_complete(compute(1)))
    task = loop.create_task(compute(2))
    print(task.done(), loop.run_until_complete(task), task.done())
    loop.call_later(1, loop.stop)
    loop.run_forever()
    print("run_forever stopped at", loop.time())
    print(loop.run_until_complete(asyncio.gather(compute(0.5), compute(0.25))))
finally:
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()
    asyncio.set_event_loop(None)
print("closed at", loop.time())
