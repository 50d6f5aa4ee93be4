# seed 001 (David Miller, "Python Async Await"): Mistake 1: forgetting await
# (the tutorial's commented-out line, made to run with fetch_data from its earlier example)
import asyncio
async def fetch_data(task_id):
    print(f"Task {task_id}: start")
    await asyncio.sleep(2)
    print(f"Task {task_id}: end")
    return f"data-{task_id}"
# wrong idea:
result = fetch_data(1) # this returns a coroutine, not the final data
print(result)
