# seed 002 (Celeste AI): asyncio.create_task: background tasks (process_order filled in)
import asyncio

async def process_order(order_id, delay):
  print(f"order {order_id}: processing")
  await asyncio.sleep(delay)
  print(f"order {order_id}: done")
  return f"order {order_id} shipped"

async def main():
  task1 = asyncio.create_task(process_order(101, 1.0))
  task2 = asyncio.create_task(process_order(102, 0.8))
  # Both running now in the background

  # Do other work...

  results = await asyncio.gather(task1, task2)
  print(results)

asyncio.run(main())
