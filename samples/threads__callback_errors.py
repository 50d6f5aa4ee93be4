import concurrent.futures
import time


def job(x):
    time.sleep(x)
    return x


def bad_callback(fut):
    raise RuntimeError(f"callback failed for {fut.result()}")


def good_callback(fut):
    print("good callback sees", fut.result(), "at", time.monotonic())


with concurrent.futures.ThreadPoolExecutor() as pool:
    fut = pool.submit(job, 1)
    fut.add_done_callback(bad_callback)
    fut.add_done_callback(good_callback)
    print(fut.result())
    fut.add_done_callback(bad_callback)
    print("after late callback")
    futures = [pool.submit(job, x) for x in (3, 2, 1)]
    print([f.result() for f in concurrent.futures.as_completed(futures)], time.monotonic())
    print(list(pool.map(job, [])), list(pool.map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
