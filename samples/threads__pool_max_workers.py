import concurrent.futures
import time


def job(n):
    time.sleep(1)
    return n * n


for workers in (1, 2, 3, None):
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(job, range(6)))
    print(f"max_workers={workers}: {results} in {time.perf_counter() - start:.1f}s")

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    futures = [pool.submit(job, n) for n in range(5)]
    print([f.running() for f in futures])
    for f in futures:
        print(f.result(), f"{time.perf_counter() - start:.1f}s", [g.done() for g in futures])
print(f"total {time.perf_counter() - start:.1f}s")

with concurrent.futures.ThreadPoolExecutor(2) as pool:
    squares = pool.map(job, [1, 2, 3], timeout=1.5)
    try:
        for value in squares:
            print("got", value, time.perf_counter() - start)
    except TimeoutError:
        print("map timed out at", time.perf_counter() - start)
print(f"end {time.perf_counter() - start:.1f}s")
try:
    concurrent.futures.ThreadPoolExecutor(max_workers=0)
except ValueError as exc:
    print(exc)
