# A timer due at NaN fires at once, as CPython's loop treats it (its
# max(0, when - now) timeout is 0), with or without a simulated thread.
import asyncio, time
async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(float('nan'), print, 'nan')
    thread = asyncio.create_task(asyncio.to_thread(time.sleep, 3))
    await asyncio.sleep(1)
    print('one', loop.time())
    await thread
    print('thread done', loop.time())
asyncio.run(main())
