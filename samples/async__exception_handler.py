import asyncio


def broken_callback():
    raise ZeroDivisionError("callback blew up")


def handler(loop, context):
    print("custom handler got:", context["message"], "|", repr(context.get("exception")))


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(broken_callback)
    await asyncio.sleep(0.1)
    print("the loop survived the default handler")
    loop.set_exception_handler(handler)
    loop.call_soon(broken_callback)
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": "manual report"})
    loop.set_exception_handler(None)
    print("handler reset:", loop.get_exception_handler())


asyncio.run(main())
