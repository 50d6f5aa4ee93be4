# seed 004 ("Async Explained"): The problem async solves, synchronous form (fetch filled in)
import time

def fetch(url):
    time.sleep(1)
    return f"response from {url}"

# This takes 3 seconds total — each request waits for the previous one.
data1 = fetch("https://api1.com") # 1 second
data2 = fetch("https://api2.com") # 1 second
data3 = fetch("https://api3.com") # 1 second
print(data1, data2, data3, sep="\n")
