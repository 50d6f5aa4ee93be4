import concurrent.futures
import time


def work(name, seconds):
    time.sleep(seconds)
    if name == "bad":
        raise ValueError(f"{name} failed after {seconds}s")
    return name.upper()


def report(fut):
    print(f"  callback at {time.monotonic():.1f}: done={fut.done()} cancelled={fut.cancelled()}")


start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor() as pool:
    ok = pool.submit(work, "ok", 2)
    bad = pool.submit(work, "bad", 1)
    print(ok.done(), ok.running(), ok.cancelled(), repr(ok).split(" at ")[0])
    ok.add_done_callback(report)
    print("result:", ok.result(), f"at {time.monotonic() - start:.1f}")
    print("exception:", repr(bad.exception()), bad.done())
    try:
        bad.result()
    except ValueError as exc:
        print("caught", type(exc).__name__, exc)
    print(ok, bad, sep="\n")
    ok.add_done_callback(report)
    slow = pool.submit(work, "slow", 5)
    try:
        slow.result(timeout=1.5)
    except concurrent.futures.TimeoutError:
        print("timed out at", time.monotonic() - start, slow.done())
    print(slow.cancel(), slow.result(), time.monotonic() - start)
print("after with", time.monotonic() - start)

f = concurrent.futures.Future()
print(f, f.cancel(), f.cancelled(), f)
try:
    f.result()
except concurrent.futures.CancelledError as exc:
    print("cancelled:", type(exc).__module__, type(exc).__name__)
g = concurrent.futures.Future()
g.set_result([1, 2])
print(g.result(), g)
try:
    g.set_result(3)
except concurrent.futures.InvalidStateError as exc:
    print("invalid:", str(exc).split(" at ")[0])
h = concurrent.futures.Future()
h.set_exception(KeyError("k"))
print(h, repr(h.exception()))
print(issubclass(concurrent.futures.CancelledError, Exception), concurrent.futures.TimeoutError is TimeoutError)
