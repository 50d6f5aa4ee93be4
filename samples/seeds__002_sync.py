# seed 002 (Celeste AI, "Async/Await - Concurrent I/O Without Blocking"): Sync vs async, sync part
import time

def fetch_sync(name, delay):
  print(f"Fetching {name}...")
  time.sleep(delay)
  return f"{name} done"

start = time.time()
r1 = fetch_sync("acme.com", 1.0)
r2 = fetch_sync("globex.com", 1.0)
print(f"Took {time.time() - start:.2f}s")
# Took 2.00s — sequential
