import asyncio


async def send_email(to):
    await asyncio.sleep(1)
    print("sent to", to)


async def main():
    send_email("ann@example.com")
    print("forgot to await; nothing was sent")
    await send_email("bob@example.com")
    asyncio.sleep(1)
    print("main done")


asyncio.run(main())
