import asyncio

balance = 100


async def withdraw(lock, name, amount):
    global balance
    async with lock:
        print(f"{name}: checking balance {balance}")
        if balance >= amount:
            await asyncio.sleep(0.1)
            balance -= amount
            print(f"{name}: withdrew {amount}, balance {balance}")
        else:
            print(f"{name}: insufficient funds")


async def main():
    lock = asyncio.Lock()
    print(lock.locked(), lock)
    await asyncio.gather(*(withdraw(lock, f"client{i}", 30) for i in range(5)))
    print("final balance", balance)
    await lock.acquire()
    print("manual acquire:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
