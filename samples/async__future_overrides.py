"""Futures and tasks off the common path: a Future subclass whose result()
and add_done_callback() are overridden, callbacks on a future that is
already done, cancelled futures, and Task's argument errors."""

import asyncio


class LoggedFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        print("  add_done_callback:", getattr(fn, "__qualname__", fn))
        super().add_done_callback(fn, context=context)

    def result(self):
        value = super().result()
        print("  result() ->", value)
        return value * 2


async def waiter(fut):
    value = await fut
    print("  waiter got", value)
    return value


async def main():
    loop = asyncio.get_running_loop()

    logged = LoggedFuture()
    task = asyncio.create_task(waiter(logged), name="waiter")
    await asyncio.sleep(0)
    loop.call_later(0.25, logged.set_result, 21)
    print("task result:", await task, "at", loop.time())

    done = loop.create_future()
    done.set_result("early")
    done.add_done_callback(lambda f: print("  late callback sees", f.result()))
    print("callback scheduled, not run yet")
    await asyncio.sleep(0)

    cancelled = loop.create_future()
    cancelled.cancel(msg="no longer needed")
    for method in (cancelled.result, cancelled.exception):
        try:
            method()
        except asyncio.CancelledError as error:
            print(method.__name__, "raised CancelledError:", error)

    pending = loop.create_future()
    try:
        pending.exception()
    except asyncio.InvalidStateError as error:
        print("exception() on pending:", error)

    def first(f):
        print("  first", f.result())

    def second(f):
        print("  second", f.result())

    twice = loop.create_future()
    twice.add_done_callback(first)
    twice.add_done_callback(second)
    twice.add_done_callback(first)
    print("removed:", twice.remove_done_callback(first))
    twice.set_result("ok")
    await asyncio.sleep(0)

    try:
        asyncio.Task(42)
    except TypeError as error:
        print("Task(42):", error)
    coro = waiter(done)
    named = asyncio.Task(coro, name=7)
    print(named.get_name(), await named)


asyncio.run(main())
