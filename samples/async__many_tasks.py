import asyncio
import random

random.seed(1234)
finished = []


async def job(i, delay):
    await asyncio.sleep(delay)
    finished.append(i)


async def main():
    delays = [random.randint(1, 50) / 10 for _ in range(1000)]
    await asyncio.gather(*(job(i, d) for i, d in enumerate(delays)))
    loop = asyncio.get_running_loop()
    print(len(finished), finished[:12], finished[-5:])
    print("max delay", max(delays), "loop time", loop.time())
    ties = [i for i in finished if delays[i] == 2.5]
    print("2.5s jobs finish in creation order:", ties == sorted(ties), len(ties))


asyncio.run(main())
