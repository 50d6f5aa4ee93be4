import asyncio
import time


async def step(n):
    await asyncio.sleep(n)
    return asyncio.get_running_loop().time()


print("first run ends at", asyncio.run(step(1)))
print("second run ends at", asyncio.run(step(2)))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(step(0.5)), loop.is_running(), loop.is_closed())
loop.close()
print("closed:", loop.is_closed(), "time.time():", time.time())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
