import time

start = time.time()
t0 = time.perf_counter()
m0 = time.monotonic()
print("start", start, t0, m0, time.time_ns(), time.perf_counter_ns())
print("wall clock:", time.strftime("%X"), time.strftime("%Y-%m-%d %H:%M:%S"), time.ctime())
time.sleep(1.5)
print(f"after sleep: {time.time() - start:.2f}s, perf {time.perf_counter() - t0:.3f}, mono {time.monotonic() - m0}")
for i in range(3):
    time.sleep(0.1)
    print(f"tick {i}: {time.perf_counter() - t0:.4f}")
print(time.perf_counter() - t0)
time.sleep(3600 * 25)
now = time.localtime()
print(now.tm_year, now.tm_mon, now.tm_mday, now.tm_hour, now.tm_min, now.tm_sec, now.tm_wday, now.tm_yday)
print(time.strftime("%A %d %B %Y, %H:%M:%S"), time.strftime("%X", time.gmtime(90)), time.asctime())
print(time.gmtime(0).tm_year, time.strftime("%j %p %I", time.gmtime(43200)))
elapsed = time.time() - start
print(f"total elapsed {elapsed:.1f}s = {elapsed / 3600:.3f}h")
time.sleep(0)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
