import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done(), fut.cancelled())
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    loop.call_later(1, fut.set_result, {"answer": 42})
    print(await fut, fut)
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    err = loop.create_future()
    err.set_exception(ConnectionError("refused"))
    try:
        await err
    except ConnectionError as e:
        print("awaiting raised:", repr(e), "| exception():", repr(err.exception()))
    print(err)
    try:
        err.set_exception(StopIteration)
    except (TypeError, asyncio.InvalidStateError) as e:
        print(type(e).__name__ + ":", e)
    wrapped = asyncio.ensure_future(asyncio.sleep(0.5, result="from sleep"))
    print(type(wrapped).__name__, await wrapped)
    print(isinstance(wrapped, asyncio.Future), asyncio.isfuture(fut), asyncio.iscoroutine(main()))


asyncio.run(main())
