# seed 004 ("Async Explained"): The basics
import asyncio
async def greet(name, delay):
    await asyncio.sleep(delay) # Pause without blocking others
    print(f"Hello, {name}!")
async def main():
    # Run two greetings concurrently.
    await asyncio.gather(
    greet("Alice", 2),
    greet("Bob", 1),
    )
# Output: "Hello, Bob!" (after 1s), then "Hello, Alice!" (after 2s)
asyncio.run(main())
