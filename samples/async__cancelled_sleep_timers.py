# Cancelled sleeps leave their timers behind: they never fire, never move
# the clock, and a heap mostly made of them is cleaned up (CPython does so
# once more than 100 timers are scheduled and over half are cancelled).
import asyncio


async def sleeper(i, finished):
    await asyncio.sleep(10 + i)
    finished.append(i)


async def main():
    loop = asyncio.get_running_loop()
    finished = []
    tasks = [asyncio.create_task(sleeper(i, finished)) for i in range(300)]
    await asyncio.sleep(1)
    for task in tasks[:250]:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
    print(cancelled, 'cancelled,', len(finished), 'finished, last at', loop.time())

    # A long sleep cancelled early does not keep the clock going.
    long = asyncio.create_task(asyncio.sleep(1000))
    await asyncio.sleep(0.5)
    long.cancel()
    await asyncio.sleep(0.25)
    print('after the cancelled long sleep:', loop.time(), long.cancelled())

    # Timers due at the same instant fire in the order they were set,
    # whether sleep's or call_later's.
    order = []
    for name in 'abc':
        loop.call_later(1, order.append, 'call_later ' + name)
    waiters = [asyncio.create_task(asyncio.sleep(1, result=n)) for n in 'xyz']
    for waiter in waiters:
        waiter.add_done_callback(lambda t: order.append('sleep ' + t.result()))
    await asyncio.sleep(1.5)
    print(order)


asyncio.run(main())
