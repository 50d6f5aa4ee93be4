# kairos: deadlock
import concurrent.futures

print("waiting for a future nobody completes")
concurrent.futures.Future().result()
