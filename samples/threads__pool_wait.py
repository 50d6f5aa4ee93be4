import concurrent.futures
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, wait
import time


def nap(label, seconds, fail=False):
    time.sleep(seconds)
    if fail:
        raise RuntimeError(label)
    return label


def names(futures):
    return sorted(f.result() if not f.exception() else "!" + str(f.exception()) for f in futures)


start = time.time()
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    fs = [pool.submit(nap, f"t{s}", s) for s in (3, 1, 2)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print("first:", names(done), len(not_done), time.time() - start)
    done, not_done = wait(fs, timeout=0.5)
    print("timeout:", names(done), len(not_done), time.time() - start)
    result = wait(fs, return_when=ALL_COMPLETED)
    print("all:", names(result.done), result.not_done, time.time() - start)
    fs = [pool.submit(nap, "a", 2), pool.submit(nap, "b", 1, fail=True), pool.submit(nap, "c", 4)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print("first exception:", names(done), len(not_done), time.time() - start)
    done, not_done = wait(fs)
    print("rest:", names(done), time.time() - start)
    print(result._fields)
    it = concurrent.futures.as_completed([pool.submit(nap, "x", 5), pool.submit(nap, "y", 1)], timeout=2)
    try:
        for fut in it:
            print("as_completed:", fut.result(), time.time() - start)
    except TimeoutError as exc:
        print("TimeoutError:", exc, time.time() - start)
print(f"end {time.time() - start}")
