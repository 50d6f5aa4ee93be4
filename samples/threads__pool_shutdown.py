import concurrent.futures
import time


def step(label, seconds):
    time.sleep(seconds)
    print(f"{label} done at {time.monotonic()}")
    return label


pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
futures = [pool.submit(step, f"job{i}", 1) for i in range(4)]
print("submitted at", time.monotonic())
time.sleep(0.5)
print("main slept to", time.monotonic(), [f.done() for f in futures])
futures[0].result()
pool.shutdown(wait=True, cancel_futures=True)
print("shut down at", time.monotonic(), [f.cancelled() for f in futures])
try:
    pool.submit(step, "late", 1)
except RuntimeError as exc:
    print("RuntimeError:", exc)

second = concurrent.futures.ThreadPoolExecutor(max_workers=2)
for i in range(3):
    second.submit(step, f"bg{i}", 2)
second.shutdown(wait=False)
print("not waiting at", time.monotonic())
background = concurrent.futures.ThreadPoolExecutor()
background.submit(step, "left at exit", 3)
print("main ends at", time.monotonic())
