import concurrent.futures
import time


def download(name, seconds):
    time.sleep(seconds)
    return f"{name} in {seconds}s"


start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(download, name, s) for name, s in [("a", 3), ("b", 1), ("c", 2), ("d", 0.5)]]
    for fut in concurrent.futures.as_completed(futures):
        print(f"{time.perf_counter() - start:.1f}s {fut.result()}")
    print(list(pool.map(download, ["x", "y"], [1, 1])), f"{time.perf_counter() - start:.1f}s")
print(f"total {time.perf_counter() - start:.1f}s")
