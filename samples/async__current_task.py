import asyncio


async def report(label):
    task = asyncio.current_task()
    await asyncio.sleep(0.1)
    print(label, "runs in", task.get_name(), "same after await:", task is asyncio.current_task())


async def main():
    print("outside any task:", asyncio.current_task(asyncio.get_running_loop()).get_name())
    await report("direct await")
    await asyncio.gather(report("gathered A"), report("gathered B"))
    tasks = [asyncio.create_task(report(f"created {i}"), name=f"worker-{i}") for i in range(2)]
    print("all tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.wait(tasks)
    print("all tasks now:", sorted(t.get_name() for t in asyncio.all_tasks()))


print("before run:", asyncio.current_task() if False else "no running loop")
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
asyncio.run(main())
