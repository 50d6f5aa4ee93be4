import concurrent.futures
import time


def parse(text):
    time.sleep(1)
    return int(text)


with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    futures = {pool.submit(parse, t): t for t in ["1", "2", "x"]}
    for fut in concurrent.futures.as_completed(futures):
        print(futures[fut], "->", fut.exception() or fut.result())
    fut = pool.submit(parse, "oops")
    print("value:", fut.result())
