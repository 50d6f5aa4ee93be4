# seed 001 (David Miller, "Python Async Await"): Running multiple tasks at once
import asyncio
async def fetch_data(task_id):
    print(f"Task {task_id}: start")
    await asyncio.sleep(2)
    print(f"Task {task_id}: end")
    return f"data-{task_id}"
async def main():
    results = await asyncio.gather(
        fetch_data(1),
        fetch_data(2),
        fetch_data(3),
    )
    print(results)
asyncio.run(main())
