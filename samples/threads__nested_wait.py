import concurrent.futures
import time

pool = concurrent.futures.ThreadPoolExecutor()


def produce():
    time.sleep(2)
    return 21


def consume(source):
    print("consumer waits at", time.monotonic())
    value = source.result()
    print("consumer got", value, "at", time.monotonic())
    time.sleep(1)
    return value * 2


def wait_with_timeout(source):
    try:
        source.result(timeout=0.5)
    except concurrent.futures.TimeoutError:
        return f"gave up at {time.monotonic()}"


producer = pool.submit(produce)
consumer = pool.submit(consume, producer)
impatient = pool.submit(wait_with_timeout, producer)
print(consumer.result(), impatient.result(), time.monotonic())
done = []
pool.submit(time.sleep, 1).add_done_callback(lambda f: done.append(time.monotonic()))
pool.shutdown()
print(done, time.monotonic())
